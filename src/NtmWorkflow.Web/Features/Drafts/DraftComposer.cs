using System.Globalization;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// Composes a paper from its wording (workflows/drafts/) and the facts of a dossier or a batch decision: which lines,
/// in which order, with every blank filled. No I/O, so each paper can be checked line by line.
/// </summary>
public static class DraftComposer
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static DraftDocument Dossier(DraftFormat format, DraftPaperWording wording, DraftDossierFacts facts)
    {
        var values = DossierValues(format, facts);
        var decision = wording.Id == DraftPapers.QuyetDinh ? facts.Decision : null;
        var content = Opening(wording, values).ToList();
        foreach (var block in wording.Body)
        {
            content.AddRange(block.Kind switch
            {
                DraftBlockKind.Criteria => [CriteriaTable(format, facts, reviewed: false)],
                DraftBlockKind.CriteriaReviewed => [CriteriaTable(format, facts, reviewed: true)],
                DraftBlockKind.Conditions => Conditions(format, facts).Select(text => new DraftLine(text, DraftLineStyle.Paragraph)),
                DraftBlockKind.Vote => VoteLine(wording, values, facts.Vote),
                _ => [TextLine(block, values)],
            });
        }
        return Compose(format, wording, values, decision, facts.UnitName, facts.Today, content,
            PlaceOf(format, wording.Id == DraftPapers.ToTrinh ? facts.UnitName : facts.ProvinceName));
    }

    public static DraftDocument Batch(DraftFormat format, DraftPaperWording wording, DraftBatchFacts facts)
    {
        var values = new Dictionary<string, string>
        {
            ["province"] = InSentence(format, facts.ProvinceName),
            ["PROVINCE"] = Upper(facts.ProvinceName),
            ["count"] = facts.Members.Count.ToString("00", CultureInfo.InvariantCulture),
            ["levels"] = string.Join(", ", facts.Members.Select(m => m.Level).Distinct().Select(l => format.Levels[l])),
        };
        var content = Opening(wording, values).ToList();
        foreach (var block in wording.Body)
        {
            content.AddRange(block.Kind == DraftBlockKind.Units
                ? facts.Members.Select(m => new DraftLine(Fill(wording.UnitLine!, new Dictionary<string, string>
                {
                    ["unit"] = m.UnitName,
                    ["level"] = format.Levels[m.Level],
                    ["year"] = m.Year.ToString(CultureInfo.InvariantCulture),
                }), DraftLineStyle.Paragraph))
                : [TextLine(block, values)]);
        }
        return Compose(format, wording, values, facts.Decision, facts.ProvinceName, facts.Decision.Date, content,
            PlaceOf(format, facts.ProvinceName));
    }

    /// <summary>"Xã Tập Sơn" as written inside a sentence: "xã Tập Sơn" (the kind of unit in lower case).</summary>
    public static string InSentence(DraftFormat format, string unitName) =>
        KindWordOf(format, unitName) is { } kind ? kind.ToLower(Vietnamese) + unitName[kind.Length..] : unitName;

    /// <summary>The place name of the date line: the unit's name without its kind ("Tập Sơn").</summary>
    public static string PlaceOf(DraftFormat format, string unitName) =>
        KindWordOf(format, unitName) is { } kind ? unitName[(kind.Length + 1)..] : unitName;

    /// <summary>"ngày 05 tháng 02 năm 2026", "ngày 30 tháng 6 năm 2023": the date line's numbers as the format pads them.</summary>
    public static string DateLine(DraftFormat format, string place, DateOnly date) => Fill(format.DateLine, new Dictionary<string, string>
    {
        ["place"] = place,
        ["day"] = Padded(date.Day, format.PadDayBelow),
        ["month"] = Padded(date.Month, format.PadMonthBelow),
        ["year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    });

    private static DraftDocument Compose(
        DraftFormat format, DraftPaperWording wording, IReadOnlyDictionary<string, string> values, Decision? decision, string subjectName,
        DateOnly today, List<DraftPart> content, string place)
    {
        var numberLine = decision is null
            ? Fill(format.BlankNumber, new Dictionary<string, string> { ["symbol"] = wording.Symbol })
            : Fill(format.Number, new Dictionary<string, string> { ["number"] = decision.Number });
        var dateLine = decision is null
            ? Fill(format.BlankDateLine, new Dictionary<string, string> { ["place"] = place, ["year"] = today.Year.ToString(CultureInfo.InvariantCulture) })
            : DateLine(format, place, decision.Date);
        var kind = wording.Title.Count > 0 ? wording.Title[0] : wording.Id;
        return new DraftDocument(
            format,
            wording.Issuer.Select(line => Fill(line, values)).ToList(),
            numberLine,
            dateLine,
            content,
            wording.Recipients.Select(line => Fill(line, values)).ToList(),
            wording.Signature.Select(line => Fill(line, values)).ToList(),
            decision?.Signer,
            $"{SentenceCase(kind)}{(decision is null ? "" : " " + decision.Number)} - {subjectName}");
    }

    /// <summary>The title and subject, the addressee, the authority and the legal bases.</summary>
    private static IEnumerable<DraftPart> Opening(DraftPaperWording wording, IReadOnlyDictionary<string, string> values)
    {
        for (var i = 0; i < wording.Title.Count; i++)
        {
            yield return new DraftLine(Fill(wording.Title[i], values), i == 0 ? DraftLineStyle.Title : DraftLineStyle.Subject, wording.Provisional);
        }
        if (wording.Addressee is { } addressee)
        {
            yield return new DraftLine(Fill(addressee.Text, values), DraftLineStyle.Addressee, addressee.Provisional);
        }
        if (wording.Authority is { } authority)
        {
            yield return new DraftLine(Fill(authority, values), DraftLineStyle.Heading);
        }
        foreach (var basis in wording.Bases)
        {
            yield return new DraftLine(Fill(basis.Text, values), DraftLineStyle.Basis, basis.Provisional);
        }
    }

    private static DraftLine TextLine(DraftBlock block, IReadOnlyDictionary<string, string> values) => new(
        Fill(block.Text!.Text, values),
        block.Kind switch { DraftBlockKind.Heading => DraftLineStyle.Heading, DraftBlockKind.Section => DraftLineStyle.Section, _ => DraftLineStyle.Paragraph },
        block.Text.Provisional);

    private static IEnumerable<DraftLine> VoteLine(DraftPaperWording wording, IReadOnlyDictionary<string, string> values, Vote? vote)
    {
        if (vote is null)
        {
            return wording.NoVote is { } none ? [new DraftLine(Fill(none.Text, values), DraftLineStyle.Paragraph, none.Provisional)] : [];
        }
        var counts = new Dictionary<string, string>(values)
        {
            ["members"] = Number(vote.Members),
            ["present"] = Number(vote.Present),
            ["agree"] = Number(vote.Agree),
            ["against"] = Number(vote.Present - vote.Agree),
        };
        return [new DraftLine(Fill(wording.Vote!.Text, counts), DraftLineStyle.Paragraph, wording.Vote.Provisional)];
    }

    private static DraftTable CriteriaTable(DraftFormat format, DraftDossierFacts facts, bool reviewed)
    {
        var words = format.Words;
        IReadOnlyList<string> headers = reviewed
            ? [words["column-number"], words["column-criterion"], words["column-self"], words["column-review"]]
            : [words["column-number"], words["column-criterion"], words["column-self"]];
        var rows = facts.Criteria.Select(c =>
        {
            var self = c.Met switch { true => words["met"], false => words["not-met"], null => words["not-assessed"] };
            IReadOnlyList<string> row = reviewed
                ? [Number(c.Number), c.Name, self, c.Agreed switch { true => words["agreed"], false => words["disagreed"], null => words["not-reviewed"] }]
                : [Number(c.Number), c.Name, self];
            return row;
        }).ToList();
        return new DraftTable(headers, rows);
    }

    /// <summary>Each recognition condition the dossier records, in the format's words.</summary>
    private static IReadOnlyList<string> Conditions(DraftFormat format, DraftDossierFacts facts)
    {
        var words = format.Words;
        var c = facts.Conditions;
        var lines = new List<string>();
        void Add(string word, object? value)
        {
            if (value is not null)
            {
                lines.Add(Fill(words[word], new Dictionary<string, string> { ["value"] = Convert.ToString(value, Vietnamese) ?? "" }));
            }
        }
        Add("satisfaction", c.SatisfactionPercent?.ToString("#,0.##", Vietnamese));
        Add("construction-debt", c.ConstructionDebtVnd?.ToString("#,0.##", Vietnamese));
        if (c.SecurityStable is { } stable)
        {
            lines.Add(words[stable ? "security-stable" : "security-unstable"]);
        }
        if (facts.ModelConditions)
        {
            Add("income-above-nang-cao", c.IncomeAboveNangCaoPercent?.ToString("#,0.##", Vietnamese));
            Add("smart-hamlets", c.SmartHamlets?.ToString(Vietnamese));
            Add("standout-field", c.StandoutField);
        }
        return lines.Count > 0 ? lines : [words["no-conditions"]];
    }

    private static Dictionary<string, string> DossierValues(DraftFormat format, DraftDossierFacts facts) => new()
    {
        ["unit"] = InSentence(format, facts.UnitName),
        ["UNIT"] = Upper(facts.UnitName),
        ["province"] = InSentence(format, facts.ProvinceName),
        ["PROVINCE"] = Upper(facts.ProvinceName),
        ["reviewer"] = InSentence(format, facts.ReviewerName),
        ["REVIEWER"] = Upper(facts.ReviewerName),
        ["level"] = format.Levels[facts.Level],
        ["year"] = facts.Year.ToString(CultureInfo.InvariantCulture),
        ["criteria-title"] = facts.CriteriaTitle,
        ["criteria-basis"] = facts.CriteriaBasis ?? "…",
        ["met"] = Number(facts.Criteria.Count(c => c.Met == true)),
        ["total"] = Number(facts.Criteria.Count),
        ["agreed"] = Number(facts.Criteria.Count(c => c.Agreed == true)),
    };

    private static string? KindWordOf(DraftFormat format, string unitName) =>
        format.PlaceDrops.OrderByDescending(word => word.Length)
            .FirstOrDefault(word => unitName.StartsWith(word + " ", StringComparison.OrdinalIgnoreCase));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) => DraftBlanks.Fill(text, values);

    private static string Upper(string text) => text.ToUpper(Vietnamese);

    private static string SentenceCase(string text) => text.Length == 0 ? text : text[..1] + text[1..].ToLower(Vietnamese);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Padded(int value, int below) =>
        value < below ? value.ToString("00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
