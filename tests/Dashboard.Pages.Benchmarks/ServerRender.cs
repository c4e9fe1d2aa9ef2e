using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Pages.Benchmarks;

/// <summary>
/// Pages as the server renders them for a signed-in merchant (the prerendered HTML of a full page
/// load): wall time per request from a client on the same machine, the app's CPU time per request
/// (utime + stime from /proc/&lt;pid&gt;/stat), and the bytes of the page.
/// </summary>
public static partial class ServerRender
{
    public static async Task<HttpClient> SignInAsync(string baseUrl, string email, string password)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var form = await client.GetStringAsync("/account/login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("login") == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<Result> MeasureAsync(AppProcess app, HttpClient client, string name, string path, int iterations, int warmup)
    {
        long bytes = 0;
        for (var i = 0; i < warmup; i++) bytes = await GetAsync(client, path);
        var samples = new List<double>(iterations);
        var cpu0 = app.CpuMs();
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await GetAsync(client, path);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        var cpuPerRequest = (app.CpuMs() - cpu0) / iterations;
        return Result.Of("server render", name, samples, cpuPerRequest, bytes);
    }

    private static async Task<long> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }

    [GeneratedRegex("""<input[^>]*?type="hidden"[^>]*?name="(?<name>[^"]+)"[^>]*?value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
