using FluentValidation;
using MediatR;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => JsonFieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }
        return await next();
    }

    /// <summary>"Vote.Agree" → "vote.agree": the names the caller sent in the JSON body.</summary>
    private static string JsonFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

/// <summary>The request's fields are wrong: each offending field with its Vietnamese messages.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("Dữ liệu gửi lên không hợp lệ.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
