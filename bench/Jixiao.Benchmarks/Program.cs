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
    var before = GC.GetTotalMemory(forceFullCollection: true);
    // Three unmeasured reads first: the runtime recompiles hot code with what it saw (tiered, profile-guided)
    // over the first reads, and those run at less than full speed.
    for (var warmup = 0; warmup < 3; warmup++)
    {
        TableReader.Read(content, "warmup.txt", null, _ => { });
    }

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
        if (run == 3)
        {
            // What the document itself holds: the heap with it, less the heap before the first read.
            var withDocument = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(result);
            var withoutDocument = before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  heap {withDocument / 1e6:F0} MB with the document, {withoutDocument / 1e6:F0} MB without: the document holds {(withDocument - withoutDocument) / 1e6:F0} MB ({(double)(withDocument - withoutDocument) / content.LongLength:F1} bytes per input byte)"));
        }
    }

    // The same read with each project handed on and dropped (as `parse` and `review` read a large table).
    for (var run = 1; run <= 3; run++)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var count = 0;
        var watch = Stopwatch.StartNew();
        var result = TableReader.Read(content, "bench.txt", null, _ => count++);
        watch.Stop();
        Report(content.LongLength, result.IsReadable ? count : -1, watch.Elapsed.TotalSeconds, $"one project at a time, run {run}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F3} s"));
    }

    return 0;
}

// `--forms-xlsx N [FILE]` times the read of a workbook of N project forms, one per sheet (and writes it to FILE).
if (args.Length >= 1 && args[0] == "--forms-xlsx")
{
    var forms = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
    var workbook = FormsWorkbook.Build(forms);
    if (args.Length > 2)
    {
        File.WriteAllBytes(args[2], workbook);
    }

    TableReader.Read(workbook, "warmup.xlsx");
    for (var run = 1; run <= 3; run++)
    {
        var watch = Stopwatch.StartNew();
        var result = TableReader.Read(workbook, "forms.xlsx");
        watch.Stop();
        var document = result.Document!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forms run {run}: {workbook.Length / 1e6:F1} MB workbook, {forms} sheets, {document.Projects.Count} projects, {document.IndicatorCount} indicators, form {document.Kind} in {watch.Elapsed.TotalSeconds:F2} s"));
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

// `--province UNITS PROJECTS YEARS [--write-doc] [--keep] [--default-gc]` builds a miniature province through the web app and measures it (docs/performance.md).
if (args.Length >= 1 && args[0] == "--province")
{
    ProvinceBenchmark.DefaultGc = args.Contains("--default-gc");
    var numbers = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
    return await Jixiao.Benchmarks.ProvinceBenchmark.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var u ? u : 200, numbers.ElementAtOrDefault(1) is > 0 and var p ? p : 50,
        numbers.ElementAtOrDefault(2) is > 0 and var y ? y : 2, args.Contains("--write-doc"), args.Contains("--keep"));
}

if (args.Length >= 1 && args[0] == "--store")
{
    return await Jixiao.Benchmarks.StoreBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
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
    Reviewer.Review([document], ReviewSettings.National);
    for (var run = 1; run <= 3; run++)
    {
        var watch = Stopwatch.StartNew();
        var report = Reviewer.Review([document], ReviewSettings.National);
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
    var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
    if (report.ResultStatistics is null || method is not (nameof(ReaderBenchmarks.ReadDocument) or nameof(ReaderBenchmarks.ReadOneProjectAtATime)))
    {
        continue;
    }

    var projects = (int)report.BenchmarkCase.Parameters["Projects"];
    var bytes = Encoding.UTF8.GetByteCount(DocumentGenerator.Generate(projects));
    Report(bytes, projects, report.ResultStatistics.Mean / 1e9, method + " mean");
}

return 0;

static void Report(long bytes, int projects, double seconds, string label) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {bytes / 1e6:F1} MB, {projects} projects in {seconds:F3} s = {bytes / 1e6 / seconds:F1} MB/s, {projects / seconds:F0} projects/s"));
