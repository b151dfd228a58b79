using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// A real SMTP server on loopback, speaking enough of RFC 5321 (EHLO, AUTH LOGIN/PLAIN, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT) for the application's mail client to hold a full conversation with it. It keeps what it received.
/// Stopped and started again on the same port, it plays a mail server that goes down and comes back.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private TcpListener? listener;
    private CancellationTokenSource stopping = new();

    public SmtpTestServer()
    {
        Start();
        Port = ((IPEndPoint)listener!.LocalEndpoint).Port;
    }

    public int Port { get; private set; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>The user name and password of the last successful AUTH.</summary>
    public (string User, string Password)? LastLogin { get; private set; }

    public void Start()
    {
        stopping = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, stopping.Token);
    }

    public void Stop()
    {
        stopping.Cancel();
        listener?.Stop();
        listener = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener accepting, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await accepting.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client, cancellationToken), cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var connection = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP test server");
        string? from = null;
        var to = new List<string>();
        while (!cancellationToken.IsCancellationRequested && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost\r\n250-AUTH LOGIN PLAIN\r\n250 OK");
                    break;
                case "HELO" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "AUTH":
                    await AuthenticateAsync(line, reader, writer, cancellationToken);
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    Received.Enqueue(new ReceivedMail(from ?? "", [.. to], await ReadDataAsync(reader, cancellationToken)));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                    (from, to) = (null, []);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task AuthenticateAsync(string line, StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        var parts = line.Split(' ');
        if (parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var fields = Decode(parts.Length > 2 ? parts[2] : await AskAsync("334 ", reader, writer, cancellationToken)).Split('\0');
            LastLogin = (fields[1], fields[2]);
        }
        else
        {
            // A client may send the user name with the command itself (an initial response).
            var user = Decode(parts.Length > 2 ? parts[2] : await AskAsync("334 VXNlcm5hbWU6", reader, writer, cancellationToken));
            LastLogin = (user, Decode(await AskAsync("334 UGFzc3dvcmQ6", reader, writer, cancellationToken)));
        }
        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
    }

    private static async Task<string> AskAsync(string prompt, StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(prompt);
        return await reader.ReadLineAsync(cancellationToken) ?? "";
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        return data.ToString();
    }

    private static string Address(string line) => AddressPattern().Match(line).Groups[1].Value;

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();
}

/// <summary>One message as it arrived, with its subject and body decoded from their transfer encodings.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>
    /// The subject with its encoded words joined byte-wise before decoding: a client may split one UTF-8 character
    /// across two words.
    /// </summary>
    public string Subject
    {
        get
        {
            var header = Header("Subject");
            var words = EncodedWord().Matches(header);
            return words.Count == 0
                ? header
                : Encoding.UTF8.GetString(words.SelectMany(w => Bytes(w.Groups[1].Value, w.Groups[2].Value)).ToArray());
        }
    }

    public string Body
    {
        get
        {
            var body = Data[(Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            return Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n"))))
                : body;
        }
    }

    /// <summary>A header's value with folded lines joined.</summary>
    private string Header(string name)
    {
        var headers = Data[..Data.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Replace("\r\n ", " ").Replace("\r\n\t", " ");
        var line = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) ?? "";
        return line[Math.Min(line.Length, name.Length + 1)..].Trim();
    }

    private static byte[] Bytes(string encoding, string text) => encoding.ToUpperInvariant() == "B"
        ? Convert.FromBase64String(text)
        : QuotedPrintable(text.Replace('_', ' '));

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"=\?[^?]+\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
