namespace NtmWorkflow.Engine;

/// <summary>The kinds of unit a definition can recognise; they match administrative unit kinds.</summary>
public static class Subjects
{
    public const string Commune = "commune";
    public const string District = "district";
    public const string Hamlet = "hamlet";

    public static readonly IReadOnlyList<string> All = [Commune, District, Hamlet];

    public static string VietnameseName(string subject) => subject switch
    {
        Commune => "xã",
        District => "huyện",
        Hamlet => "thôn",
        _ => subject,
    };
}
