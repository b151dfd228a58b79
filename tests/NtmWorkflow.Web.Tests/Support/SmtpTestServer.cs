using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// A real SMTP server on loopback, speaking enough of RFC 5321 (EHLO, STARTTLS, AUTH LOGIN/PLAIN, MAIL, RCPT, DATA,
/// RSET, NOOP, QUIT) for the application's mail client to hold a full conversation with it. It keeps what it received.
/// With a certificate it offers STARTTLS and refuses AUTH and MAIL before it (a submission port), or with
/// <c>implicitTls</c> speaks TLS from the first byte (port 465). Stopped and started again on the same port, it plays a
/// mail server that goes down and comes back.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private TcpListener? listener;
    private CancellationTokenSource stopping = new();

    public SmtpTestServer(X509Certificate2? certificate = null, bool implicitTls = false)
    {
        Certificate = certificate;
        ImplicitTls = implicitTls;
        Start();
        Port = ((IPEndPoint)listener!.LocalEndpoint).Port;
    }

    public int Port { get; private set; }

    /// <summary>What the server presents in TLS; a test swaps it to play a relay whose certificate changed.</summary>
    public X509Certificate2? Certificate { get; set; }

    public bool ImplicitTls { get; }

    /// <summary>Off, a server with a certificate neither offers STARTTLS nor asks for it: a downgraded submission port.</summary>
    public bool OfferStartTls { get; set; } = true;

    /// <summary>When set, any other user name or password is refused with 535.</summary>
    public (string User, string Password)? Credentials { get; set; }

    /// <summary>When set, the reply to every RCPT instead of 250 (a 550 or 451, say).</summary>
    public string? RecipientReply { get; set; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>The user name and password of the last successful AUTH.</summary>
    public (string User, string Password)? LastLogin { get; private set; }

    /// <summary>A self-signed certificate for localhost and 127.0.0.1, made afresh: no machine trusts it.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Through PKCS#12 so that the private key is one SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

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
        var session = new Session(client.GetStream());
        try
        {
            if (ImplicitTls)
            {
                await session.SecureAsync(Certificate!, cancellationToken);
            }
            await session.ReplyAsync("220 localhost ESMTP test server");
            await ConverseAsync(session, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException
                                      or ObjectDisposedException or SocketException)
        {
            // The client gave up (a certificate it refused, a timeout): the conversation is simply over.
        }
    }

    private async Task ConverseAsync(Session session, CancellationToken cancellationToken)
    {
        string? from = null;
        var to = new List<string>();
        while (!cancellationToken.IsCancellationRequested && await session.Reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var tlsOnOffer = Certificate is not null && OfferStartTls && !session.Secure;
            if (verb is "AUTH" or "MAIL" && tlsOnOffer)
            {
                await session.ReplyAsync("530 5.7.0 Must issue a STARTTLS command first");
                continue;
            }
            switch (verb)
            {
                case "EHLO":
                    var startTls = tlsOnOffer ? "250-STARTTLS\r\n" : "";
                    await session.ReplyAsync($"250-localhost\r\n{startTls}250-AUTH LOGIN PLAIN\r\n250 OK");
                    break;
                case "STARTTLS" when tlsOnOffer:
                    await session.ReplyAsync("220 2.0.0 Ready to start TLS");
                    await session.SecureAsync(Certificate!, cancellationToken);
                    (from, to) = (null, []);
                    break;
                case "HELO" or "NOOP":
                    await session.ReplyAsync("250 OK");
                    break;
                case "AUTH":
                    await AuthenticateAsync(line, session, cancellationToken);
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await session.ReplyAsync("250 OK");
                    break;
                case "RCPT" when RecipientReply is { } refusal:
                    await session.ReplyAsync(refusal);
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await session.ReplyAsync("250 OK");
                    break;
                case "DATA":
                    await session.ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
                    Received.Enqueue(new ReceivedMail(from ?? "", [.. to], await ReadDataAsync(session.Reader, cancellationToken)) { OverTls = session.Secure });
                    await session.ReplyAsync("250 OK queued");
                    break;
                case "RSET":
                    (from, to) = (null, []);
                    await session.ReplyAsync("250 OK");
                    break;
                case "QUIT":
                    await session.ReplyAsync("221 Bye");
                    return;
                default:
                    await session.ReplyAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task AuthenticateAsync(string line, Session session, CancellationToken cancellationToken)
    {
        var parts = line.Split(' ');
        (string User, string Password) login;
        if (parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var fields = Decode(parts.Length > 2 ? parts[2] : await session.AskAsync("334 ", cancellationToken)).Split('\0');
            login = (fields[1], fields[2]);
        }
        else
        {
            // A client may send the user name with the command itself (an initial response).
            var user = Decode(parts.Length > 2 ? parts[2] : await session.AskAsync("334 VXNlcm5hbWU6", cancellationToken));
            login = (user, Decode(await session.AskAsync("334 UGFzc3dvcmQ6", cancellationToken)));
        }
        if (Credentials is { } expected && expected != login)
        {
            await session.ReplyAsync("535 5.7.8 Authentication credentials invalid");
            return;
        }
        LastLogin = login;
        await session.ReplyAsync("235 2.7.0 Authentication successful");
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

    /// <summary>One connection's lines, read and written over the plain socket until TLS replaces it.</summary>
    private sealed class Session
    {
        private readonly Stream network;

        public Session(Stream network)
        {
            this.network = network;
            (Reader, Writer) = Over(network);
        }

        public StreamReader Reader { get; private set; }

        public StreamWriter Writer { get; private set; }

        public bool Secure { get; private set; }

        public Task ReplyAsync(string reply) => Writer.WriteLineAsync(reply);

        public async Task<string> AskAsync(string prompt, CancellationToken cancellationToken)
        {
            await ReplyAsync(prompt);
            return await Reader.ReadLineAsync(cancellationToken) ?? "";
        }

        public async Task SecureAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
        {
            var tls = new SslStream(network);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
            (Reader, Writer) = Over(tls);
            Secure = true;
        }

        private static (StreamReader, StreamWriter) Over(Stream stream) =>
            (new StreamReader(stream, Encoding.Latin1), new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true });
    }
}

/// <summary>One message as it arrived, with its subject and body decoded from their transfer encodings.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>Whether the message came over TLS (STARTTLS or implicit).</summary>
    public bool OverTls { get; init; }

    /// <summary>
    /// The subject decoded as RFC 2047 says: plain words kept, adjacent encoded words joined byte-wise before
    /// decoding (a client may split one UTF-8 character across two words) with the blanks between them dropped.
    /// </summary>
    public string Subject
    {
        get
        {
            var header = Header("Subject");
            var bytes = new List<byte>();
            var (last, afterWord) = (0, false);
            foreach (Match word in EncodedWord().Matches(header))
            {
                var between = header[last..word.Index];
                if (!(afterWord && string.IsNullOrWhiteSpace(between)))
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(between));
                }
                bytes.AddRange(Bytes(word.Groups[1].Value, word.Groups[2].Value));
                (last, afterWord) = (word.Index + word.Length, true);
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(header[last..]));
            return Encoding.UTF8.GetString([.. bytes]);
        }
    }

    /// <summary>The charsets the subject's encoded words declare.</summary>
    public IEnumerable<string> SubjectCharsets =>
        EncodedWord().Matches(Header("Subject")).Select(w => w.Value[2..w.Value.IndexOf('?', 2)].ToLowerInvariant()).Distinct();

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
    public string Header(string name)
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
