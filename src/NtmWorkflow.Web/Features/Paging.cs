using FluentValidation;

namespace NtmWorkflow.Web.Features;

/// <summary>One page of a list and how many items the whole list has.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static int Skip(int? page, int? pageSize) => ((page ?? 1) - 1) * Size(pageSize);

    public static int Size(int? pageSize) => pageSize ?? DefaultPageSize;

    public static void ValidPage<T>(this AbstractValidator<T> validator, Func<T, int?> page, Func<T, int?> pageSize)
    {
        validator.RuleFor(r => page(r)).GreaterThanOrEqualTo(1).OverridePropertyName("page")
            .WithMessage("Số trang (page) bắt đầu từ 1.");
        validator.RuleFor(r => pageSize(r)).InclusiveBetween(1, MaxPageSize).OverridePropertyName("pageSize")
            .WithMessage($"Số mục mỗi trang (pageSize) từ 1 đến {MaxPageSize}.");
    }
}
