namespace NtmWorkflow.Web.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo users (also implied by Development and by the --seed-demo switch; never in Production).</summary>
    public bool Demo { get; set; }

    /// <summary>The demo users' password; when empty a random one is generated and printed once.</summary>
    public string? DemoPassword { get; set; }
}
