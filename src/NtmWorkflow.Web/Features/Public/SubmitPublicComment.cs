using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Features.Public;

/// <summary>
/// A comment from anyone on a dossier during its public posting. No account and no third-party CAPTCHA: a hidden
/// field that people leave empty (bots fill it) and a limit per address on how often one may send.
/// </summary>
public static class SubmitPublicComment
{
    public const string RateLimitPolicy = "public-comments";

    /// <param name="Website">The honeypot: hidden from people, so anything in it was typed by a robot.</param>
    public sealed record Body(string? Name, string? Contact, string? Text, string? Website);

    public sealed record Command(Guid DossierId, Body Body) : IRequest<Received>, IAnonymousRequest, ICommand;

    public sealed record Received(long Id, DateTime ReceivedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Text).RequiredText(Limits.Comment).OverridePropertyName("text")
                .WithMessage($"Hãy nhập nội dung góp ý (tối đa {Limits.Comment} ký tự).");
            RuleFor(c => c.Body.Name).MaximumLength(Limits.Name).OverridePropertyName("name")
                .WithMessage($"Họ tên dài tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Body.Contact).MaximumLength(Limits.Name).OverridePropertyName("contact")
                .WithMessage($"Thông tin liên hệ dài tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Body.Website).Empty().OverridePropertyName("website")
                .WithMessage("Không gửi được góp ý.");
        }
    }

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Command, Received>
    {
        public async Task<Received> Handle(Command command, CancellationToken cancellationToken)
        {
            var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DossierId, cancellationToken)
                ?? throw ProblemException.NotFound($"Không tìm thấy hồ sơ {command.DossierId}.");
            var definition = await dossiers.DefinitionOfAsync(dossier, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var comment = dossier.Comment(definition, command.Body.Name, command.Body.Contact, command.Body.Text!, now, calendar);
            db.PublicComments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            return new Received(comment.Id, now);
        }
    }

    public static void Map(IEndpointRouteBuilder everyone) =>
        everyone.MapPost("/api/public/dossiers/{id:guid}/comments", async (Guid id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Created($"/api/dossiers/{id}/comments", await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Public")
            .WithSummary("Gửi góp ý về hồ sơ đang công khai (không cần đăng nhập; giới hạn số lần gửi)")
            .RequireRateLimiting(RateLimitPolicy)
            .AllowAnonymous();
}
