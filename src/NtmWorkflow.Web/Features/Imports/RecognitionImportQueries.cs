using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Imports;

internal static class RecognitionImportQueries
{
    /// <summary>An import the caller may see (uploaded within their unit's subtree, they an import official); 404 otherwise.</summary>
    public static async Task<RecognitionImport> RequireAsync(AppDbContext db, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        ImportOfficials.Require(actor);
        var import = await db.RecognitionImports.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return import is not null && actor.CanSee(import.ScopePath)
            ? import
            : throw ProblemException.NotFound($"Không tìm thấy lần nhập {id}.");
    }
}
