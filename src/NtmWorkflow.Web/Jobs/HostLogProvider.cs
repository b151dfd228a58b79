using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// Hangfire's logs through the host's logging. Hangfire keeps its log provider in a static, which the last host to
/// configure it sets: in a process that runs several hosts one after another (the tests) it may name one already
/// disposed, whose logger factory throws. A logger asked for then logs nothing instead of failing the host that asked.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider host = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
