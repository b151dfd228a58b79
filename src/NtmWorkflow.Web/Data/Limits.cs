namespace NtmWorkflow.Web.Data;

/// <summary>Column lengths, shared by the schema and the request validators so neither can drift.</summary>
public static class Limits
{
    public const int Code = 100;
    public const int Name = 256;
    public const int Path = 512;
    public const int Text = 1000;
    public const int Comment = 4000;
}
