using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace NtmWorkflow.Web.Features.Auth;

/// <summary>
/// The per-user-name rate limit and the lockout of a (user name, address) pair. Unknown user names are counted exactly
/// like real ones, so neither answer tells a stranger whether an account exists.
/// </summary>
public sealed class SignInThrottle(SignInLimits limits, TimeProvider clock) : IDisposable
{
    /// <summary>Pairs kept at most; past it the oldest records are dropped, so random names cannot exhaust memory.</summary>
    private const int MaxPairs = 100_000;

    private readonly PartitionedRateLimiter<string> perUserName = PartitionedRateLimiter.Create<string, string>(userName =>
        RateLimitPartition.GetSlidingWindowLimiter(userName, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limits.AttemptsPerUserName,
            Window = limits.UserNameWindow,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    private readonly ConcurrentDictionary<(string UserName, string Address), Failures> failures = new();

    private sealed class Failures(DateTimeOffset first)
    {
        public int Count;

        public DateTimeOffset First { get; } = first;

        public DateTimeOffset? LockedUntil;

        /// <summary>A lock that has run out, or failures older than one lockout period, count no more.</summary>
        public bool Expired(DateTimeOffset now, TimeSpan period) =>
            LockedUntil is { } until ? until <= now : now - First > period;
    }

    /// <summary>How long the caller must wait before this attempt may be checked, or null when it may be checked now.</summary>
    public TimeSpan? Admit(string userName, string address)
    {
        var now = clock.GetUtcNow();
        if (failures.TryGetValue(Key(userName, address), out var record) && record.LockedUntil is { } until && until > now)
        {
            return until - now;
        }
        using var lease = perUserName.AttemptAcquire(Normalise(userName));
        if (!lease.IsAcquired)
        {
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.UserNameWindow;
        }
        return null;
    }

    public void Failed(string userName, string address)
    {
        var now = clock.GetUtcNow();
        if (failures.Count >= MaxPairs)
        {
            Forget(now);
        }
        var record = failures.AddOrUpdate(Key(userName, address), _ => new Failures(now),
            (_, existing) => existing.Expired(now, limits.Lockout) ? new Failures(now) : existing);
        if (Interlocked.Increment(ref record.Count) >= limits.FailuresBeforeLockout)
        {
            record.LockedUntil = now + limits.Lockout;
        }
    }

    public void Succeeded(string userName, string address) => failures.TryRemove(Key(userName, address), out _);

    /// <summary>An administrator set a new password: the failures counted against the old one lock no one out.</summary>
    public void Forgive(string userName)
    {
        var name = Normalise(userName);
        foreach (var key in failures.Keys.Where(k => k.UserName == name))
        {
            failures.TryRemove(key, out _);
        }
    }

    public void Dispose() => perUserName.Dispose();

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, record) in failures)
        {
            if (record.Expired(now, limits.Lockout))
            {
                failures.TryRemove(key, out _);
            }
        }
        if (failures.Count >= MaxPairs)
        {
            failures.Clear();
        }
    }

    private static (string, string) Key(string userName, string address) => (Normalise(userName), address);

    private static string Normalise(string userName) => userName.Trim().ToUpperInvariant();
}
