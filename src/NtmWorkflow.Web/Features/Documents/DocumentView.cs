using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Documents;

public sealed record DocumentView(
    Guid Id,
    string Type,
    string TypeTitle,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    int Version,
    string Stage,
    bool Public,
    IReadOnlyList<int> Criteria,
    string UploadedBy,
    DateTime UploadedAt)
{
    public static DocumentView From(DossierDocument d, WorkflowDefinition definition) => new(
        d.Id, d.Type, definition.Documents.GetValueOrDefault(d.Type)?.Title ?? d.Type, d.FileName, d.ContentType, d.Size,
        d.Sha256, d.Version, d.Stage, d.Public, d.Criteria, d.UploadedBy, d.UploadedAt);
}
