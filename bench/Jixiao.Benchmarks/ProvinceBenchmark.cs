using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jixiao.Benchmarks;

/// <summary>
/// A province in miniature, side by side with baselines. A unit tree of regions, departments and units is
/// made through the API; each unit gets a table of M projects for each of Y years, uploaded through the
/// product's own import (<c>POST /api/documents</c>). The Release web application runs as its own process
/// on SQLite (or the PostgreSQL server in <c>JIXIAO_BENCH_POSTGRES</c>). Then, with <c>wrk</c>: the projects
/// list with a bearer token and the table page with the sign-in cookie at 100 connections, the list at
/// 1,000 connections, and an ASP.NET Core hello-world on the same machine in the same run; the server's
/// resident memory idle and after the load; an upload's time for a unit with no history and for one with Y
/// tables stored; search latency. Prints a Markdown table, and with <c>--write-doc</c> puts it into
/// docs/performance.md between its markers.
/// </summary>
public static partial class ProvinceBenchmark
{
    private const string AdminPassword = "bench-admin-2026";

    /// <summary>Start the server with the runtime's own first-generation size rather than the deployment's (<c>--default-gc</c>).</summary>
    public static bool DefaultGc { get; set; }

    public static async Task<int> RunAsync(int units, int projects, int years, bool writeDoc, bool keep = false)
    {
        var root = UploadMemory.FindRoot();
        var web = Path.Combine(root, "src", "Jixiao.Web", "bin", "Release", "net10.0");
        if (!File.Exists(Path.Combine(web, "Jixiao.Web.dll")))
        {
            Console.Error.WriteLine("Build the web application first: dotnet build -c Release src/Jixiao.Web");
            return 1;
        }

        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is not installed (Debian: apt-get install wrk).");
            return 1;
        }

        var database = Path.Combine(Path.GetTempPath(), $"jixiao-province-{Guid.NewGuid():N}.db");
        var postgres = Environment.GetEnvironmentVariable("JIXIAO_BENCH_POSTGRES");
        var port = UploadMemory.FreePort();
        var start = new ProcessStartInfo("dotnet", ["Jixiao.Web.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Started as docs/deployment.md says a server is (a bounded first generation), unless asked to measure the runtime's default.
        if (!DefaultGc)
        {
            start.Environment["DOTNET_GCgen0size"] = "0x1000000";
        }

        if (postgres is { Length: > 0 })
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Jixiao"] = $"{postgres};Database=jixiao_province_{Guid.NewGuid():N}";
        }
        else
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Jixiao"] = $"Data Source={database}";
        }

        start.Environment["Jixiao__LoadSample"] = "false";
        start.Environment["Jixiao__AdminPassword"] = AdminPassword;
        start.Environment["Jixiao__RateLimit__UploadsPerMinute"] = "100000";
        start.Environment["Jixiao__RateLimit__LoginPerMinute"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var hello = await HelloWorldAsync();
        var rows = new List<(string What, string Jixiao, string Baseline, string Ratio)>();
        try
        {
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            await UploadMemory.WaitUntilUpAsync(client);
            await WebLatency.SignInAsync(client, AdminPassword);
            using var created = await client.PostAsJsonAsync(new Uri("/api/tokens", UriKind.Relative), new { name = "bench" });
            var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;

            // The corpus: regions of up to 10 departments, departments of up to 10 units.
            var watch = Stopwatch.StartNew();
            var unitNames = await TreeAsync(client, units);
            var firstYear = 2026 - years + 1;
            int? anyDocument = null;
            for (var y = 0; y < years; y++)
            {
                foreach (var name in unitNames)
                {
                    anyDocument = await UploadAsync(client, Table(name, firstYear + y, projects, y));
                }

                Console.Error.WriteLine($"year {firstYear + y}: {unitNames.Count} tables stored, {watch.Elapsed.TotalSeconds:F0} s so far");
            }

            var stored = (long)units * projects * years;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {units} units × {projects} projects × {years} years = {stored:N0} projects stored in {watch.Elapsed.TotalSeconds:F0} s"));
            rows.Add(("corpus stored through the import", $"{stored:N0} projects, {watch.Elapsed.TotalSeconds:F0} s", "", ""));

            // An upload for a unit with one earlier table against one for a unit with eight: the median of five each.
            var single = await NewUnitAsync(client, "基准单表单位");
            var history = await NewUnitAsync(client, "基准八年单位");
            await UploadAsync(client, Table(single, 2025, projects, 0));
            for (var year = 2018; year <= 2025; year++)
            {
                await UploadAsync(client, Table(history, year, projects, year));
            }

            // Taken in turns, each side first every other turn, so that whatever the database does now and then (a
            // checkpoint, an index merge, a collection) falls on both sides alike; eleven of each, as five left the
            // ratio to one or two slow uploads on this shared machine (0.86–1.29 between runs).
            const int Uploads = 11;
            var oneTimes = new List<double>();
            var eightTimes = new List<double>();
            for (var i = 0; i < Uploads; i++)
            {
                var turn = new[] { (single, oneTimes), (history, eightTimes) };
                foreach (var (unit, taken) in i % 2 == 0 ? turn : turn.Reverse())
                {
                    var t = Stopwatch.StartNew();
                    await UploadAsync(client, Table(unit, 2026, projects, 100 + i));
                    taken.Add(t.Elapsed.TotalMilliseconds);
                }
            }

            oneTimes.Sort();
            eightTimes.Sort();
            var oneEarlier = oneTimes[Uploads / 2];
            var eightEarlier = eightTimes[Uploads / 2];
            rows.Add(($"upload of a {projects}-project table (median of {Uploads}): unit with 8 tables stored vs one with 1", $"{eightEarlier:F0} ms", $"{oneEarlier:F0} ms", $"{eightEarlier / oneEarlier:F2}"));

            // Idle: no request for a while (the server gives back what uploads left a few seconds after the last).
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = RssMb(server);

            var bearer = $"Authorization: Bearer {token}";
            var cookie = "Cookie: " + cookies.GetCookieHeader(client.BaseAddress!);
            var baseline = Wrk(hello, 100, null);
            var list = Wrk($"{client.BaseAddress}api/projects?pageSize=50", 100, bearer);
            var loaded = RssMb(server);
            rows.Add(("`GET /api/projects` (bearer token), 100 connections", Rate(list), Rate(baseline), Share(list, baseline)));
            var page = Wrk($"{client.BaseAddress}documents/{anyDocument}", 100, cookie);
            rows.Add(("`/documents/{id}` page (cookie), 100 connections", Rate(page), Rate(baseline), Share(page, baseline)));
            var many = Wrk($"{client.BaseAddress}api/projects?pageSize=50", 1000, bearer);
            rows.Add(("`GET /api/projects`, 1,000 connections", Rate(many) + $", {many.Errors} errors", "", ""));
            var afterAll = RssMb(server);
            rows.Add(("server RSS, idle / right after 100 connections on the list / after every run", $"{idle:F0} MB / {loaded:F0} MB / {afterAll:F0} MB", "", ""));

            // Search: a word in every project's goal, an indicator name in every project, one in many, a text found
            // nowhere (a unit's name, which search does not look at) and a target value.
            var times = new List<double>();
            var each = new List<string>();
            foreach (var query in new[] { "保障", "满意度", "故障响应", unitNames[^1], "不少于110人" })
            {
                var these = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var s = Stopwatch.StartNew();
                    // A parameter the list ignores makes each request new, so that the search itself is measured,
                    // not the answer the server keeps while the data is unchanged.
                    using var found = await client.GetAsync(new Uri($"/api/projects?pageSize=50&fresh={i}&q=" + Uri.EscapeDataString(query), UriKind.Relative));
                    await found.Content.ReadAsStringAsync();
                    these.Add(s.Elapsed.TotalMilliseconds);
                }

                these.Sort();
                each.Add(string.Create(CultureInfo.InvariantCulture, $"{query} {these[2]:F0}"));
                times.AddRange(these);
            }

            times.Sort();
            rows.Add(($"search (`/api/projects?q=`) over {stored * 8:N0} indicators, median of 25", $"{times[times.Count / 2]:F0} ms", "", ""));
            rows.Add(("search, median of each text (ms)", string.Join("; ", each), "", ""));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            if (keep)
            {
                Console.Error.WriteLine($"kept: {start.Environment["ConnectionStrings__Jixiao"]}");
            }

            foreach (var file in keep ? [] : new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }

            if (!keep && postgres is { Length: > 0 })
            {
                // The benchmark's database is its own: dropped like the SQLite file (a province is about a gigabyte).
                var name = new Npgsql.NpgsqlConnectionStringBuilder(start.Environment["ConnectionStrings__Jixiao"]).Database!;
                await using var admin = new Npgsql.NpgsqlConnection(postgres);
                await admin.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }

        var provider = postgres is { Length: > 0 } ? "PostgreSQL" : "SQLite";
        var table = new StringBuilder($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {provider}, `bench --province {units} {projects} {years}{(DefaultGc ? " --default-gc" : "")}`"
            + (DefaultGc ? " (the runtime's default first generation)" : " (the server started with `DOTNET_GCgen0size=0x1000000`, as docs/deployment.md says)") + ":\n\n");
        table.Append("| what | Jixiao | baseline | Jixiao / baseline |\n|---|---|---|---|\n");
        foreach (var (what, jixiao, baseline, ratio) in rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {what} | {jixiao} | {baseline} | {ratio} |\n");
        }

        Console.WriteLine(table);
        if (writeDoc)
        {
            WriteDoc(Path.Combine(root, "docs", "performance.md"), provider, table.ToString());
        }

        return 0;
    }

    private sealed record WrkResult(double RequestsPerSecond, double P99Ms, long Errors);

    private static string Rate(WrkResult r) => string.Create(CultureInfo.InvariantCulture, $"{r.RequestsPerSecond:N0} rps, p99 {r.P99Ms:F0} ms");

    private static string Share(WrkResult r, WrkResult baseline) => string.Create(CultureInfo.InvariantCulture, $"{100 * r.RequestsPerSecond / baseline.RequestsPerSecond:F1} %");

    /// <summary>
    /// Runs wrk for 10 s with <paramref name="connections"/> connections on 2 threads, after 3 s of the same
    /// load not measured: the server's code for the request is compiled to its final form and its pools are
    /// filled, so the figure is the steady state, not the first seconds of a new process.
    /// </summary>
    private static WrkResult Wrk(string url, int connections, string? header)
    {
        RunWrk(url, connections, header, "3s");
        return RunWrk(url, connections, header, "10s");
    }

    private static WrkResult RunWrk(string url, int connections, string? header, string duration)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{duration}", "--latency", "--timeout", "10s" };
        if (header is not null)
        {
            arguments.AddRange(["-H", header]);
        }

        arguments.Add(url);
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var rps = double.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99Line().Match(output) is { Success: true } m ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
        long errors = 0;
        foreach (Match e in ErrorCount().Matches(output))
        {
            errors += long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (Non2xx().Match(output) is { Success: true } bad)
        {
            errors += long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return new WrkResult(rps, p99, errors);
    }

    private static double Milliseconds(string value, string unit)
    {
        var n = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch { "us" => n / 1000, "s" => n * 1000, _ => n };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99Line();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex ErrorCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    /// <summary>An ASP.NET Core hello-world in this process, on a port of its own; its URL.</summary>
    private static async Task<string> HelloWorldAsync()
    {
        var port = UploadMemory.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Text("Hello World!"));
        await app.StartAsync();
        return $"http://127.0.0.1:{port}/";
    }

    /// <summary>Regions, departments and <paramref name="units"/> units, made through the API; the units' names.</summary>
    private static async Task<List<string>> TreeAsync(HttpClient client, int units)
    {
        var names = new List<string>();
        int? region = null, department = null;
        for (var u = 0; u < units; u++)
        {
            if (u % 100 == 0)
            {
                region = await NodeAsync(client, $"基准第{u / 100 + 1}市", "region", null);
            }

            if (u % 10 == 0)
            {
                department = await NodeAsync(client, $"基准第{u / 100 + 1}市第{(u / 10 % 10) + 1}局", "department", region);
            }

            var name = $"基准第{u / 100 + 1}市第{(u / 10 % 10) + 1}局第{u % 10 + 1}单位";
            await NodeAsync(client, name, "unit", department);
            names.Add(name);
        }

        return names;
    }

    private static async Task<string> NewUnitAsync(HttpClient client, string name)
    {
        await NodeAsync(client, name, "unit", null);
        return name;
    }

    private static async Task<int> NodeAsync(HttpClient client, string name, string kind, int? parent)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/units", UriKind.Relative), new { name, kind, parentId = parent });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32() : throw new InvalidOperationException(body);
    }

    /// <summary>A generated table of <paramref name="projects"/> projects for <paramref name="unit"/> and <paramref name="year"/>.</summary>
    private static byte[] Table(string unit, int year, int projects, int variant) =>
        Encoding.UTF8.GetBytes(DocumentGenerator.Generate(projects, seed: unit.GetHashCode(StringComparison.Ordinal) ^ variant)
            .Replace("基准测试单位", unit, StringComparison.Ordinal)
            .Replace("\n项目支出绩效目标表", $"\n{unit}{year}年项目支出绩效目标表", StringComparison.Ordinal));

    private static async Task<int> UploadAsync(HttpClient client, byte[] table)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(table);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(content, "file", "table.txt");
        using var response = await client.PostAsync(new Uri("/api/documents?duplicate=keep", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32() : throw new InvalidOperationException(body);
    }

    private static double RssMb(Process server)
    {
        var line = File.ReadAllLines($"/proc/{server.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024d;
    }

    private static void WriteDoc(string path, string provider, string table)
    {
        var begin = $"<!-- province:{provider}:begin (written by bench --province --write-doc) -->\n";
        var end = $"<!-- province:{provider}:end -->";
        var doc = File.ReadAllText(path);
        var from = doc.IndexOf(begin, StringComparison.Ordinal);
        var to = doc.IndexOf(end, StringComparison.Ordinal);
        doc = from >= 0 && to > from
            ? doc[..(from + begin.Length)] + table + doc[to..]
            : doc.TrimEnd() + "\n\n" + begin + table + end + "\n";
        File.WriteAllText(path, doc);
    }
}
