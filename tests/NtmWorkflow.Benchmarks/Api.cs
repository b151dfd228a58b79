using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NtmWorkflow.Benchmarks;

/// <summary>An official's HTTP client with a bearer token, as another system would call the API.</summary>
public sealed class Api(HttpClient http)
{
    public static async Task<Api> SignInAsync(Uri baseAddress, string userName)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = BenchHost.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Api(http);
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        return await ReadAsync(await http.SendAsync(request));
    }

    /// <summary>
    /// A dossier write whose answer is read only for the dossier's new version: with <paramref name="minimal"/>, asked
    /// for with Prefer: return=minimal (204 and the Dossier-Version header), otherwise read from the whole view.
    /// </summary>
    public async Task<int> WriteAsync(HttpMethod method, string path, object body, bool minimal, string versionMember)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (!minimal)
        {
            return (await ReadAsync(await http.SendAsync(request))).GetProperty(versionMember).GetInt32();
        }
        request.Headers.Add("Prefer", "return=minimal");
        using var response = await http.SendAsync(request);
        await ReadAsync(response);
        return int.Parse(response.Headers.GetValues("Dossier-Version").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async Task<JsonElement> PostAsync(string path, HttpContent content) => await ReadAsync(await http.PostAsync(path, content));

    public async Task<JsonElement> UploadAsync(Guid dossier, string type, HttpContent file)
    {
        using var form = new MultipartFormDataContent { { new StringContent(type), "type" }, { file, "file", type + ".pdf" } };
        return await ReadAsync(await http.PostAsync($"/api/dossiers/{dossier}/documents", form));
    }

    public Task<JsonElement> UploadAsync(Guid dossier, string type) =>
        UploadAsync(dossier, type, new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.7\n% {type}\n")));

    /// <summary>A file read as it arrives and counted, never held: its size and its lines (for a text file).</summary>
    public async Task<(long Bytes, long Lines)> DownloadAsync(string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            await ReadAsync(response);
        }
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        var (bytes, lines, last) = (0L, 0L, (byte)'\n');
        for (var n = await body.ReadAsync(buffer); n > 0; n = await body.ReadAsync(buffer))
        {
            bytes += n;
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
            last = buffer[n - 1];
        }
        return (bytes, last == '\n' ? lines : lines + 1);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
