namespace NtmWorkflow.Engine.Transitions;

/// <summary>What a person supplies with an action; which parts are required is the definition's business.</summary>
public sealed record ActionInput(string? Comment, Vote? Vote, Decision? Decision, Ceremony? Ceremony)
{
    public static readonly ActionInput None = new(null, null, null, null);
}

/// <summary>A meeting's vote: members of the body, members present, members agreeing.</summary>
public sealed record Vote(int Members, int Present, int Agree)
{
    /// <summary>What makes the counts impossible, in Vietnamese, or null when they add up.</summary>
    public string? Problem() => this switch
    {
        { Members: < 1 } => "Số thành viên (members) phải lớn hơn 0.",
        { Present: < 0 } or { Agree: < 0 } => "Số thành viên có mặt và đồng ý không được âm.",
        _ when Present > Members => "Số thành viên có mặt (present) không được lớn hơn tổng số thành viên (members).",
        _ when Agree > Present => "Số thành viên đồng ý (agree) không được lớn hơn số có mặt (present).",
        _ => null,
    };
}

/// <summary>A signed recognition decision, e.g. 694/QĐ-UBND-HC of 30/06/2023.</summary>
public sealed record Decision(string Number, DateOnly Date, string Signer);

public sealed record Ceremony(DateOnly Date, string Place);
