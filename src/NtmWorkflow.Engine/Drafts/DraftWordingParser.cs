using NtmWorkflow.Engine.Definitions;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Drafts;

/// <summary>Reads <c>drafts/format.yaml</c> and a period's wording file, reporting every problem with its line.</summary>
internal static class DraftWordingParser
{
    public static DraftFormat? ParseFormat(string content, string source, List<DefinitionError> found)
    {
        var errors = new ErrorSink(source);
        var format = YamlText.ReadRoot(content, errors, "thể thức văn bản") is { } root ? ReadFormat(root, errors) : null;
        found.AddRange(errors.Errors);
        return errors.Errors.Count == 0 ? format : null;
    }

    public static DraftPeriodWording? ParsePeriod(string content, string source, List<DefinitionError> found)
    {
        var errors = new ErrorSink(source);
        var wording = YamlText.ReadRoot(content, errors, "lời văn của giai đoạn") is { } root ? ReadPeriod(root, errors, source) : null;
        found.AddRange(errors.Errors);
        return errors.Errors.Count == 0 ? wording : null;
    }

    private static DraftFormat? ReadFormat(YamlMappingReader root, ErrorSink errors)
    {
        root.String("legal-basis", required: false);
        var font = root.String("font");
        var size = root.PositiveInt("font-size");
        var small = root.PositiveInt("small-font-size");
        var margins = root.Mapping("margins") is { } m ? ReadMargins(m) : null;
        var national = root.String("national-name");
        var motto = root.String("motto");
        var number = Text(root, "number", ["number"], errors);
        var blankNumber = Text(root, "blank-number", ["symbol"], errors);
        var dateLine = Text(root, "date-line", ["place", "day", "month", "year"], errors);
        var blankDateLine = Text(root, "blank-date-line", ["place", "year"], errors);
        var padDay = root.PositiveInt("pad-day-below");
        var padMonth = root.PositiveInt("pad-month-below");
        var drops = root.ScalarList("place-drops").Select(s => s.Value!.Trim()).ToList();
        var recipients = root.String("recipients-heading");
        var levels = Words(root, "levels", Engine.Levels.All, [], errors);
        var words = Words(root, "words", DraftFormat.RequiredWords, ["value"], errors);
        root.RejectUnknownKeys();
        return font is null || size is null || small is null || margins is null || national is null || motto is null || number is null
            || blankNumber is null || dateLine is null || blankDateLine is null || padDay is null || padMonth is null
            || recipients is null || levels is null || words is null
            ? null
            : new DraftFormat(font, size.Value, small.Value, margins, national, motto, number, blankNumber, dateLine, blankDateLine,
                padDay.Value, padMonth.Value, drops, recipients, levels, words);
    }

    private static DraftMargins? ReadMargins(YamlMappingReader margins)
    {
        var top = margins.PositiveInt("top");
        var bottom = margins.PositiveInt("bottom");
        var left = margins.PositiveInt("left");
        var right = margins.PositiveInt("right");
        margins.RejectUnknownKeys();
        return top is null || bottom is null || left is null || right is null ? null : new DraftMargins(top.Value, bottom.Value, left.Value, right.Value);
    }

    /// <summary>A mapping that must give a text for each of <paramref name="required"/> and nothing else.</summary>
    private static Dictionary<string, string>? Words(
        YamlMappingReader root, string key, IReadOnlyList<string> required, IReadOnlyList<string> blanks, ErrorSink errors)
    {
        if (root.Mapping(key) is not { } mapping)
        {
            return null;
        }
        var words = required.Select(name => (name, Text: Text(mapping, name, blanks, errors)))
            .Where(w => w.Text is not null)
            .ToDictionary(w => w.name, w => w.Text!);
        mapping.RejectUnknownKeys();
        return words.Count == required.Count ? words : null;
    }

    private static DraftPeriodWording? ReadPeriod(YamlMappingReader root, ErrorSink errors, string source)
    {
        var period = root.Name("period");
        var subject = root.OneOf("subject", Subjects.All);
        root.String("note", required: false);
        // A place for YAML anchors: sentences several papers name (*decree-18), read where they are named.
        root.Optional("shared");
        var papers = new Dictionary<string, DraftPaperWording>();
        if (root.Mapping("papers") is { } mapping)
        {
            var declared = new HashSet<string>();
            foreach (var (key, value) in mapping.Entries())
            {
                declared.Add(key.Value!);
                if (!DraftPapers.All.Contains(key.Value!))
                {
                    errors.Add(key, $"Không có loại bản thảo '{key.Value}' (dùng: {string.Join(", ", DraftPapers.All)}).");
                }
                else if (errors.Mapping(value, key.Value!) is { } paper && ReadPaper(key.Value!, paper, errors) is { } read)
                {
                    papers[key.Value!] = read;
                }
            }
            foreach (var missing in DraftPapers.All.Where(p => !declared.Contains(p)))
            {
                errors.Add(mapping.Node, $"Thiếu lời văn của bản thảo '{missing}'.");
            }
        }
        root.RejectUnknownKeys();
        return period is null || subject is null ? null : new DraftPeriodWording(period, subject, papers, source);
    }

    private static DraftPaperWording? ReadPaper(string id, YamlMappingReader paper, ErrorSink errors)
    {
        var blanks = DraftPapers.BlanksOf(id);
        var issuer = Lines(paper, "issuer", blanks, errors);
        var symbol = paper.String("symbol");
        var title = Lines(paper, "title", blanks, errors);
        var addressee = Sentence(paper, "addressee", blanks, errors);
        var authority = Text(paper, "authority", blanks, errors, required: false);
        var bases = Sentences(paper, "bases", blanks, errors);
        var body = Body(paper, blanks, errors);
        var vote = Sentence(paper, "vote", DraftPapers.VoteBlanks, errors);
        var noVote = Sentence(paper, "no-vote", blanks, errors);
        var unitLine = Text(paper, "unit-line", DraftPapers.UnitLineBlanks, errors, required: false);
        var recipients = Lines(paper, "recipients", blanks, errors);
        var signature = Lines(paper, "signature", blanks, errors);
        var provisional = paper.Bool("provisional") ?? false;
        paper.RejectUnknownKeys();
        if (body.Any(b => b.Kind == DraftBlockKind.Vote) && vote is null)
        {
            errors.Add(paper.Node, $"Bản thảo '{id}' có khối 'vote' nên cần câu 'vote'.");
        }
        if (body.Any(b => b.Kind == DraftBlockKind.Units) && unitLine is null)
        {
            errors.Add(paper.Node, $"Bản thảo '{id}' có khối 'units' nên cần dòng 'unit-line'.");
        }
        if (id != DraftPapers.QuyetDinhChung && body.Any(b => b.Kind == DraftBlockKind.Units))
        {
            errors.Add(paper.Node, $"Khối 'units' chỉ dùng trong bản thảo '{DraftPapers.QuyetDinhChung}'.");
        }
        if (id == DraftPapers.QuyetDinhChung && body.Any(b => b.Kind is not (DraftBlockKind.Paragraph or DraftBlockKind.Heading or DraftBlockKind.Section or DraftBlockKind.Units)))
        {
            errors.Add(paper.Node, $"Bản thảo '{id}' chỉ dùng các khối text, heading, section và units.");
        }
        return symbol is null ? null
            : new DraftPaperWording(id, issuer, symbol, title, addressee, authority, bases, body, vote, noVote, unitLine, recipients, signature, provisional);
    }

    private static List<DraftBlock> Body(YamlMappingReader paper, IReadOnlySet<string> blanks, ErrorSink errors)
    {
        var blocks = new List<DraftBlock>();
        if (paper.Required("body") is not YamlSequenceNode sequence)
        {
            if (paper.Optional("body") is { } wrong)
            {
                errors.Add(wrong, "'body' phải là một danh sách các đoạn '- ...'.");
            }
            return blocks;
        }
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode)
            {
                if (Sentence(item, "body", blanks, errors) is { } text)
                {
                    blocks.Add(new DraftBlock(DraftBlockKind.Paragraph, text));
                }
                continue;
            }
            if (errors.Mapping(item, "body") is { } mapping && Block(mapping, blanks, errors) is { } block)
            {
                blocks.Add(block);
            }
        }
        return blocks;
    }

    private static readonly IReadOnlyDictionary<string, DraftBlockKind> Blocks = new Dictionary<string, DraftBlockKind>
    {
        ["criteria"] = DraftBlockKind.Criteria,
        ["criteria-reviewed"] = DraftBlockKind.CriteriaReviewed,
        ["conditions"] = DraftBlockKind.Conditions,
        ["vote"] = DraftBlockKind.Vote,
        ["units"] = DraftBlockKind.Units,
    };

    /// <summary>One of <c>{ text: … }</c>, <c>{ heading: … }</c>, <c>{ section: … }</c> (each with an optional provisional) or <c>{ block: … }</c>.</summary>
    private static DraftBlock? Block(YamlMappingReader mapping, IReadOnlySet<string> blanks, ErrorSink errors)
    {
        var kinds = new[] { ("text", DraftBlockKind.Paragraph), ("heading", DraftBlockKind.Heading), ("section", DraftBlockKind.Section) };
        var block = mapping.OneOf("block", Blocks.Keys.ToList(), required: false);
        var texts = kinds.Select(k => (k.Item2, Text: Text(mapping, k.Item1, blanks, errors, required: false))).Where(k => k.Text is not null).ToList();
        var provisional = mapping.Bool("provisional") ?? false;
        mapping.RejectUnknownKeys();
        if (texts.Count + (block is null ? 0 : 1) != 1)
        {
            errors.Add(mapping.Node, "Mỗi đoạn cần đúng một trong các khóa: text, heading, section, block.");
            return null;
        }
        return block is not null ? new DraftBlock(Blocks[block]) : new DraftBlock(texts[0].Item1, new DraftText(texts[0].Text!, provisional));
    }

    private static List<string> Lines(YamlMappingReader paper, string key, IReadOnlySet<string> blanks, ErrorSink errors)
    {
        var lines = paper.ScalarList(key);
        foreach (var line in lines)
        {
            CheckBlanks(line, line.Value!, blanks, errors);
        }
        return lines.Select(l => l.Value!.Trim()).ToList();
    }

    private static List<DraftText> Sentences(YamlMappingReader paper, string key, IReadOnlySet<string> blanks, ErrorSink errors)
    {
        if (paper.Optional(key) is not { } value)
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(value, $"'{key}' phải là một danh sách các câu '- ...'.");
            return [];
        }
        return sequence.Children.Select(item => Sentence(item, key, blanks, errors)).OfType<DraftText>().ToList();
    }

    private static DraftText? Sentence(YamlMappingReader paper, string key, IReadOnlySet<string> blanks, ErrorSink errors) =>
        paper.Optional(key) is { } value ? Sentence(value, key, blanks, errors) : null;

    /// <summary>A sentence written as text, or as <c>{ text: …, provisional: true }</c>.</summary>
    private static DraftText? Sentence(YamlNode value, string key, IReadOnlySet<string> blanks, ErrorSink errors)
    {
        if (value is YamlScalarNode)
        {
            var text = errors.Scalar(value, key);
            return text is null || !CheckBlanks(value, text, blanks, errors) ? null : new DraftText(text, false);
        }
        if (errors.Mapping(value, key) is not { } mapping)
        {
            return null;
        }
        var sentence = Text(mapping, "text", blanks, errors);
        var provisional = mapping.Bool("provisional") ?? false;
        mapping.RejectUnknownKeys();
        return sentence is null ? null : new DraftText(sentence, provisional);
    }

    private static string? Text(YamlMappingReader mapping, string key, IReadOnlyCollection<string> blanks, ErrorSink errors, bool required = true)
    {
        var text = mapping.String(key, required);
        return text is not null && CheckBlanks(mapping.Optional(key)!, text, blanks, errors) ? text : null;
    }

    private static bool CheckBlanks(YamlNode node, string text, IReadOnlyCollection<string> blanks, ErrorSink errors)
    {
        var unknown = DraftBlanks.In(text).Where(b => !blanks.Contains(b)).Distinct().ToList();
        foreach (var blank in unknown)
        {
            errors.Add(node, $"Chỗ trống '{{{blank}}}' không dùng được ở đây (dùng: {(blanks.Count == 0 ? "không có" : string.Join(", ", blanks.Select(b => $"{{{b}}}")))}).");
        }
        return unknown.Count == 0;
    }
}
