using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Jixiao.Benchmarks;

/// <summary>
/// What one upload costs the web server in memory, and what the cap on concurrent imports does: the
/// Release build of the web application started as its own process on a fresh SQLite file, with its
/// default upload limits; its resident memory read from /proc (the peak reset before each step), while
/// the largest table the limits accept is imported, then several at once. Linux only.
/// </summary>
public static class UploadMemory
{
    private const string AdminPassword = "bench-admin-2026";

    public static async Task<int> RunAsync(int concurrent)
    {
        var root = FindRoot();
        var web = Path.Combine(root, "src", "Jixiao.Web", "bin", "Release", "net10.0");
        if (!File.Exists(Path.Combine(web, "Jixiao.Web.dll")))
        {
            Console.Error.WriteLine("Build the web application first: dotnet build -c Release src/Jixiao.Web");
            return 1;
        }

        var database = Path.Combine(Path.GetTempPath(), $"jixiao-memory-{Guid.NewGuid():N}.db");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["Jixiao.Web.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Jixiao"] = $"Data Source={database}";
        start.Environment["Jixiao__LoadSample"] = "false";
        start.Environment["Jixiao__AdminPassword"] = AdminPassword;
        start.Environment["Jixiao__RateLimit__UploadsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromMinutes(10),
            };
            await WaitUntilUpAsync(client);
            Console.WriteLine($"server process {server.Id}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Report("started, idle", server);
            await WebLatency.SignInAsync(client, AdminPassword);

            var sample = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "qingxi-community-college-2025.txt"));
            await UploadAsync(client, sample, "warm-up.txt");
            Report("after a first small import (warm)", server);

            // The largest table the default limits accept: 5,000 projects, 10 indicators each (50,000).
            var largest = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(5_000, indicators: 10));
            ResetPeak(server);
            var watch = Stopwatch.StartNew();
            var status = await UploadAsync(client, largest, "largest.txt");
            Report($"largest accepted upload: {largest.Length / 1e6:F1} MB, 5,000 projects, 50,000 indicators → {status} in {watch.Elapsed.TotalSeconds:F1} s", server);

            // The same again for the same unit: now also reviewed against the first (the unit's context).
            ResetPeak(server);
            watch.Restart();
            status = await UploadAsync(client, largest, "largest-again.txt", keep: true);
            Report($"the same table again, reviewed with the unit's stored one → {status} in {watch.Elapsed.TotalSeconds:F1} s", server);

            // Just over the limits: refused, and what the refusal costs.
            var over = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(5_001, indicators: 10));
            ResetPeak(server);
            status = await UploadAsync(client, over, "over.txt");
            Report($"one project over the limit: {over.Length / 1e6:F1} MB → {status}", server);

            // A text of 19 MB of 300,000 short projects (the largest file size accepted): refused at a limit.
            var many = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(300_000, indicators: 1))[..(19 * 1024 * 1024)];
            ResetPeak(server);
            status = await UploadAsync(client, many, "many.txt");
            Report($"19 MB text, 300,000 short projects → {status}", server);

            ResetPeak(server);
            watch.Restart();
            var results = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(i => UploadAsync(client, largest, $"largest-{i}.txt", keep: true)));
            var summary = string.Join(", ", results.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"));
            Report($"{concurrent} largest uploads at once: {summary} in {watch.Elapsed.TotalSeconds:F1} s", server);
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<int> UploadAsync(HttpClient client, byte[] bytes, string name, bool keep = false)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(content, "file", name);
        using var response = await client.PostAsync(new Uri("/api/documents" + (keep ? "?duplicate=keep" : "?duplicate=replace"), UriKind.Relative), form);
        await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode;
    }

    /// <summary>Prints the server's resident memory now and its peak since the last reset.</summary>
    private static void Report(string step, Process server)
    {
        var status = File.ReadAllLines($"/proc/{server.Id}/status");
        string Field(string name) => status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
        static double Mb(string kb) => long.Parse(kb.Split(' ')[0], CultureInfo.InvariantCulture) / 1024d;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}\n    RSS now {Mb(Field("VmRSS")),6:F0} MB, peak {Mb(Field("VmHWM")),6:F0} MB"));
    }

    /// <summary>Resets the kernel's peak-RSS counter of the process (writing 5 to clear_refs), so the next peak is of the next step.</summary>
    private static void ResetPeak(Process server) => File.WriteAllText($"/proc/{server.Id}/clear_refs", "5");

    internal static async Task WaitUntilUpAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("The web application did not start.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found.");
    }
}
