using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>
/// What programme/periods.yaml allows a new dossier: its year picks the period, the period says whether the unit's
/// kind and the level are open, which procedure applies by default and which others may be named.
/// </summary>
public sealed record DossierPeriod(ProgrammePeriod Period, WorkflowDefinition Definition, PeriodLevel? Level)
{
    /// <exception cref="ProblemException">400 for a year no period covers or an unknown procedure; 409 for what the period closed.</exception>
    public static DossierPeriod Choose(
        PeriodCatalog periods, DefinitionRegistry definitions, AdministrativeUnit unit, string level, int year, string? workflow)
    {
        var period = periods.ForYear(year)
            ?? throw ProblemException.BadRequest("year", $"Năm {year} không thuộc giai đoạn nào của Chương trình ({periods.Ranges}).");
        // A ward takes its tier's procedure here, so that Dossier.Open refuses it, once in scope, with its own reason.
        var subject = UnitKinds.TierSubject(unit.Kind);
        if (subject is null || !period.Subjects.TryGetValue(subject, out var opened))
        {
            throw ProblemException.Conflict(
                $"{period.Title} không nhận hồ sơ mới cho đơn vị cấp {UnitKinds.VietnameseName(unit.Kind)} như {unit.Name}.");
        }
        var definition = Procedure(definitions, period, opened, workflow);
        if (definition.Purpose != Purposes.Recognition)
        {
            return new DossierPeriod(period, definition, null);
        }
        if (!opened.Levels.TryGetValue(level, out var open))
        {
            var levels = string.Join(", ", opened.Levels.Keys.Select(Levels.VietnameseName));
            throw ProblemException.Conflict(
                $"{period.Title} không nhận hồ sơ mới mức {Levels.VietnameseName(level)} cho cấp {UnitKinds.VietnameseName(unit.Kind)}" +
                (levels.Length > 0 ? $"; mức còn nhận: {levels}." : "."));
        }
        return new DossierPeriod(period, definition, open);
    }

    private static WorkflowDefinition Procedure(DefinitionRegistry definitions, ProgrammePeriod period, PeriodSubject opened, string? workflow)
    {
        if (workflow is null)
        {
            return definitions.FindCurrent(opened.Procedure)
                ?? throw new InvalidOperationException($"Period {period.Id} names {opened.Procedure}, checked at start-up but missing.");
        }
        var named = definitions.FindCurrent(workflow) ?? throw ProblemException.BadRequest("workflow", $"Không có quy trình '{workflow}'.");
        return opened.Procedures.Contains(named.Id)
            ? named
            : throw ProblemException.Conflict(
                $"Quy trình '{named.Id}' không áp dụng cho hồ sơ {period.Title}; dùng: {string.Join(", ", opened.Procedures)}.");
    }

    /// <summary>Whether a held recognition is at <paramref name="required"/> for a year of this period.</summary>
    public bool HeldInPeriod(string required, string heldLevel, int? heldYear) =>
        heldLevel == required && heldYear is { } year && Period.Covers(year);
}
