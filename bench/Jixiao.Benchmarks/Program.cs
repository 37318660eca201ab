using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using Jixiao.Benchmarks;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Review;
using Jixiao.Import;

// `--throughput N` times N projects with a stopwatch (a quick look); anything else goes to BenchmarkDotNet.
if (args.Length >= 1 && args[0] == "--throughput")
{
    var projects = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var content = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(projects));
    TableReader.Read(content, "warmup.txt");
    for (var run = 1; run <= 3; run++)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var result = TableReader.Read(content, "bench.txt");
        watch.Stop();
        Report(content.LongLength, result.Document!.Projects.Count, watch.Elapsed.TotalSeconds, $"run {run}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F3} s"));
    }

    return 0;
}

// `--generate N FILE` writes the generated table, to time the command line end to end.
if (args.Length >= 3 && args[0] == "--generate")
{
    File.WriteAllText(args[2], DocumentGenerator.Generate(int.Parse(args[1], CultureInfo.InvariantCulture)));
    return 0;
}

// `--web N [REPEATS]` stores a generated table of N projects in the web app and times list and page requests.
if (args.Length >= 2 && args[0] == "--web")
{
    return await WebLatency.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50);
}

// `--upload-memory [N]` measures the web server's memory for the largest accepted upload, then N (default 6) at once.
if (args.Length >= 1 && args[0] == "--upload-memory")
{
    return await UploadMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6);
}

// `--review N` reads a generated table of N projects once, then times the review of it three times.
if (args.Length >= 1 && args[0] == "--review")
{
    var projects = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var content = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(projects));
    var document = TableReader.Read(content, "bench.txt").Document!;
    Reviewer.Review(document);
    for (var run = 1; run <= 3; run++)
    {
        var watch = Stopwatch.StartNew();
        var report = Reviewer.Review(document);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review run {run}: {projects} projects, {document.IndicatorCount} indicators in {watch.Elapsed.TotalSeconds:F3} s; "
            + $"{report.Count(Severity.Error)} errors, {report.Count(Severity.Warning)} warnings, {report.Count(Severity.Info)} infos"));
    }

    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(args);
foreach (var report in summaries.SelectMany(s => s.Reports))
{
    if (report.ResultStatistics is null || report.BenchmarkCase.Descriptor.WorkloadMethod.Name != nameof(ReaderBenchmarks.ReadDocument))
    {
        continue;
    }

    var projects = (int)report.BenchmarkCase.Parameters["Projects"];
    var bytes = Encoding.UTF8.GetByteCount(DocumentGenerator.Generate(projects));
    Report(bytes, projects, report.ResultStatistics.Mean / 1e9, "mean");
}

return 0;

static void Report(long bytes, int projects, double seconds, string label) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {bytes / 1e6:F1} MB, {projects} projects in {seconds:F3} s = {bytes / 1e6 / seconds:F1} MB/s, {projects / seconds:F0} projects/s"));
