using MediatR;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>The administrator's integrity check of the document store (also `dotnet run -- verify-storage`).</summary>
public static class VerifyStorage
{
    public sealed record Query : IRequest<StorageVerifier.Report>, IAdministratorRequest;

    internal sealed class Handler(StorageVerifier verifier) : IRequestHandler<Query, StorageVerifier.Report>
    {
        public Task<StorageVerifier.Report> Handle(Query query, CancellationToken cancellationToken) => verifier.VerifyAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/storage/verify", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithTags("Admin")
            .WithSummary("Kiểm tra toàn vẹn kho tài liệu (băm lại từng tệp)");

    /// <summary>The command-line form: prints the report and returns a non-zero exit code when anything is wrong.</summary>
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
        return Print(await scope.ServiceProvider.GetRequiredService<StorageVerifier>().VerifyAsync(CancellationToken.None), Console.Out);
    }

    /// <summary>Writes the report for an operator; returns the exit code (non-zero when anything is wrong).</summary>
    public static int Print(StorageVerifier.Report report, TextWriter output)
    {
        output.WriteLine($"Đã kiểm tra {report.Checked} tài liệu: {report.Missing.Count} mất tệp, {report.Corrupt.Count} sai nội dung.");
        foreach (var (kind, problem) in report.Missing.Select(p => ("MẤT", p)).Concat(report.Corrupt.Select(p => ("HỎNG", p))))
        {
            output.WriteLine($"{kind}\t{problem.DocumentId}\t{problem.DossierId}\t{problem.Sha256}\t{problem.FileName}");
        }
        return report.Healthy ? 0 : 1;
    }
}
