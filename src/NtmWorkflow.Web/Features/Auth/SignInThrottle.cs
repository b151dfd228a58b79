using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace NtmWorkflow.Web.Features.Auth;

/// <summary>
/// The per-user-name rate limit and the lockout of a (user name, address) pair. Unknown user names are counted exactly
/// like real ones, so neither answer tells a stranger whether an account exists. Attempts still being checked count
/// against the pair's allowance, so a burst sent at once gets no more guesses than the same attempts sent in turn.
/// </summary>
public sealed class SignInThrottle(SignInLimits limits, TimeProvider clock) : IDisposable
{
    /// <summary>Pairs kept at most; past it idle records are dropped, so random names cannot exhaust memory.</summary>
    private const int MaxPairs = 100_000;

    /// <summary>How long to wait when the allowance is taken up by attempts not yet answered.</summary>
    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(5);

    private readonly PartitionedRateLimiter<string> perUserName = PartitionedRateLimiter.Create<string, string>(userName =>
        RateLimitPartition.GetSlidingWindowLimiter(userName, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limits.AttemptsPerUserName,
            Window = limits.UserNameWindow,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    private readonly ConcurrentDictionary<(string UserName, string Address), Pair> pairs = new();

    /// <summary>One user name from one address: failures since <see cref="First"/>, attempts being checked, the lock.</summary>
    private sealed class Pair(DateTimeOffset first)
    {
        public int Failures;

        public int InFlight;

        public DateTimeOffset First = first;

        public DateTimeOffset? LockedUntil;

        /// <summary>A lock that has run out, or failures older than one lockout period, count no more.</summary>
        public void ForgetExpired(DateTimeOffset now, TimeSpan period)
        {
            if (LockedUntil is { } until ? until <= now : now - First > period)
            {
                (Failures, First, LockedUntil) = (0, now, null);
            }
        }

        public bool Idle => InFlight == 0 && Failures == 0;
    }

    /// <summary>
    /// How long the caller must wait, or null when the attempt may be checked now; an admitted attempt must be closed
    /// with <see cref="Failed"/>, <see cref="Succeeded"/> or <see cref="Abandoned"/>.
    /// </summary>
    public TimeSpan? Admit(string userName, string address)
    {
        var now = clock.GetUtcNow();
        if (pairs.Count >= MaxPairs)
        {
            ForgetIdle(now);
        }
        var pair = pairs.GetOrAdd(Key(userName, address), _ => new Pair(now));
        lock (pair)
        {
            pair.ForgetExpired(now, limits.Lockout);
            if (pair.LockedUntil is { } until)
            {
                return until - now;
            }
            if (pair.Failures + pair.InFlight >= limits.FailuresBeforeLockout)
            {
                return InFlightWait;
            }
            pair.InFlight++;
        }
        using var lease = perUserName.AttemptAcquire(Normalise(userName));
        if (lease.IsAcquired)
        {
            return null;
        }
        Abandoned(userName, address);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.UserNameWindow;
    }

    public void Failed(string userName, string address) => Close(userName, address, pair =>
    {
        if (++pair.Failures >= limits.FailuresBeforeLockout)
        {
            pair.LockedUntil = clock.GetUtcNow() + limits.Lockout;
        }
    });

    public void Succeeded(string userName, string address) => Close(userName, address, pair =>
        (pair.Failures, pair.First, pair.LockedUntil) = (0, clock.GetUtcNow(), null));

    /// <summary>The check could not finish (the database was down): the attempt counts neither way.</summary>
    public void Abandoned(string userName, string address) => Close(userName, address, _ => { });

    /// <summary>An administrator set a new password: the failures counted against the old one lock no one out.</summary>
    public void Forgive(string userName)
    {
        var name = Normalise(userName);
        foreach (var pair in pairs.Where(p => p.Key.UserName == name).Select(p => p.Value))
        {
            lock (pair)
            {
                (pair.Failures, pair.LockedUntil) = (0, null);
            }
        }
    }

    public void Dispose() => perUserName.Dispose();

    private void Close(string userName, string address, Action<Pair> outcome)
    {
        var pair = pairs.GetOrAdd(Key(userName, address), _ => new Pair(clock.GetUtcNow()));
        lock (pair)
        {
            pair.InFlight = Math.Max(0, pair.InFlight - 1);
            outcome(pair);
        }
    }

    private void ForgetIdle(DateTimeOffset now)
    {
        foreach (var (key, pair) in pairs)
        {
            lock (pair)
            {
                pair.ForgetExpired(now, limits.Lockout);
                if (pair.Idle)
                {
                    pairs.TryRemove(key, out _);
                }
            }
        }
    }

    private static (string, string) Key(string userName, string address) => (Normalise(userName), address);

    private static string Normalise(string userName) => userName.Trim().ToUpperInvariant();
}
