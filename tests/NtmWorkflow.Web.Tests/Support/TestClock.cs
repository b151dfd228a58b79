namespace NtmWorkflow.Web.Tests.Support;

/// <summary>A clock the tests set: deadlines are computed from it to the minute.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
