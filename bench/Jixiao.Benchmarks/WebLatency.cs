using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Benchmarks;

/// <summary>
/// Latency of the web application with many projects stored: the real app on a real port over a fresh
/// SQLite file (or the PostgreSQL server in <c>JIXIAO_BENCH_POSTGRES</c>), one generated table of N
/// projects imported through the API, then each request timed many times; prints median and 90th percentile.
/// </summary>
public static class WebLatency
{
    public static async Task<int> RunAsync(int projects, int repeats)
    {
        // The web project's folder is its content root (pages, static files); the test host finds it through this variable.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Jixiao.slnx")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_JIXIAO_WEB", Path.Combine(root?.FullName ?? ".", "src", "Jixiao.Web"));
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-bench-{Guid.NewGuid():N}.db");
        var postgres = Environment.GetEnvironmentVariable("JIXIAO_BENCH_POSTGRES");
        await using var app = new BenchApp(postgres is { Length: > 0 } ? ("Postgres", $"{postgres};Database=jixiao_bench_{Guid.NewGuid():N}") : ("Sqlite", $"Data Source={file}"));
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress });
        client.Timeout = TimeSpan.FromMinutes(10);
        await SignInAsync(client, AdminPassword);

        var table = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(projects));
        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(table);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(content, "file", "bench.txt");
        using var created = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), form);
        var body = await created.Content.ReadAsStringAsync();
        if (!created.IsSuccessStatusCode)
        {
            Console.Error.WriteLine(body);
            return 1;
        }

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {projects} projects ({table.Length / 1e6:F1} MB) in {watch.Elapsed.TotalSeconds:F1} s on {app.Provider}"));

        string[] paths =
        [
            "/api/projects?page=1&pageSize=50",
            $"/api/projects?page={Math.Max(1, projects / 50)}&pageSize=50",
            "/api/projects?severity=error&page=2&pageSize=50",
            $"/documents/{id}",
            $"/documents/{id}?sort=score",
            $"/documents/{id}?p={Math.Max(1, projects / 50)}",
            "/api/projects?q=" + Uri.EscapeDataString("第9999号"),
        ];
        foreach (var path in paths)
        {
            var times = new List<double>();
            for (var i = 0; i < repeats + 5; i++)
            {
                var t = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                t.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"{path}: {(int)response.StatusCode}");
                    return 1;
                }

                if (i >= 5)
                {
                    times.Add(t.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path,-50} median {times[times.Count / 2],7:F1} ms   p90 {times[(int)(times.Count * 0.9)],7:F1} ms   ({repeats} requests)"));
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        return 0;
    }

    private const string AdminPassword = "bench-admin-2026";

    /// <summary>Signs in as the first administrator (cookie) and sends the page's anti-forgery token with API writes.</summary>
    internal static async Task SignInAsync(HttpClient client, string password)
    {
        var login = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var signIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = password,
            ["__RequestVerificationToken"] = FormToken(login),
        }));
        var page = await client.GetStringAsync(new Uri("/account/tokens", UriKind.Relative));
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", FormToken(page));
    }

    private static string FormToken(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf('"', start)]);
    }

    // Any public type of the web assembly names its entry point; `Program` would clash with this program's own.
    private sealed class BenchApp((string Provider, string ConnectionString) database) : WebApplicationFactory<Jixiao.Web.Features.Documents.DocumentImporter>
    {
        public string Provider => database.Provider;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", database.Provider);
            builder.UseSetting("ConnectionStrings:Jixiao", database.ConnectionString);
            builder.UseSetting("Jixiao:LoadSample", "false");
            builder.UseSetting("Jixiao:AdminPassword", AdminPassword);
            builder.UseSetting("Jixiao:MaxUploadBytes", (200L * 1024 * 1024).ToString(CultureInfo.InvariantCulture));

            // The latency run stores a table larger than one upload may be by default.
            builder.UseSetting("Jixiao:Import:MaxProjects", "1000000");
            builder.UseSetting("Jixiao:Import:MaxIndicators", "20000000");
            builder.UseSetting("Jixiao:Import:MaxCharacters", "1000000000");
            builder.UseSetting("Jixiao:Import:MaxRows", "2000000");
            builder.UseSetting("Jixiao:Import:MaxCells", "40000000");
            builder.UseSetting("Jixiao:Import:MaxSeconds", "600");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
