using System.Net;
using System.Net.Sockets;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// A loopback relay in front of the test's PostgreSQL server: cutting it makes the database really unreachable for the
/// app (connections refused, open ones broken) while the server itself stays up for the other tests.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;

    public TcpRelay(string host, int port, int listenPort = 0)
    {
        target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Start(listenPort);
    }

    public int Port { get; private set; }

    public void Cut()
    {
        listener?.Stop();
        listener = null;
        lock (open)
        {
            open.ForEach(c => c.Dispose());
            open.Clear();
        }
    }

    /// <summary>Listens again on the same port, unless it already does.</summary>
    public void Restore()
    {
        if (listener is null)
        {
            Start(Port);
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private void Start(int port)
    {
        var started = new TcpListener(IPAddress.Loopback, port);
        started.Start();
        Port = ((IPEndPoint)started.LocalEndpoint).Port;
        listener = started;
        _ = AcceptAsync(started);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await from.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var outbound = new TcpClient();
            await outbound.ConnectAsync(target);
            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }
            _ = Pipe(inbound, outbound);
            _ = Pipe(outbound, inbound);
        }
    }

    private static async Task Pipe(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
        from.Dispose();
        to.Dispose();
    }
}
