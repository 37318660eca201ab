using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Isolation;

/// <summary>
/// Reads file kinds whose parsers are other people's libraries (.xls, .pdf) in a worker process of
/// their own (<c>jixiao-reader</c>), so that whatever such a parser does with a hostile file — recurse
/// until the stack overflows, allocate what the file claims — it cannot take down the process that asked.
/// The worker runs under a hard heap limit and the read's time limit, and what it sends back is bounded
/// by the read's budget (characters and cells) before anything is kept. The grids come back whole, then
/// pass the same row gate and form recognisers as every other file.
/// </summary>
internal static class IsolatedReader
{
    /// <summary>The worker's heap limit: a worker over it fails alone (384 MiB).</summary>
    private const long HeapLimit = 384L * 1024 * 1024;

    private const string WorkerFile = "jixiao-reader.dll";

    /// <summary>The grids of <paramref name="content"/> read as <paramref name="kind"/> (<c>xls</c> or <c>pdf</c>); null with a diagnostic when they cannot be.</summary>
    public static List<Grid>? Read(byte[] content, string kind, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, WorkerFile);
        if (!File.Exists(worker))
        {
            diagnostics.Add(Messages.FileReaderMissing.At(SourceLocation.File, KindName(kind)));
            return null;
        }

        var start = new ProcessStartInfo(DotnetHost(), [worker, kind, budget.Options.MaxCellLength.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimit.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("No process.");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            diagnostics.Add(Messages.FileReaderMissing.At(SourceLocation.File, KindName(kind)));
            return null;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(budget.Remaining);
            try
            {
                var feed = Task.Run(async () =>
                {
                    try
                    {
                        await process.StandardInput.BaseStream.WriteAsync(content, timeout.Token);
                    }
                    finally
                    {
                        process.StandardInput.Close();
                    }
                });
                _ = process.StandardError.ReadToEndAsync(timeout.Token);
                var grids = Collect(process.StandardOutput.BaseStream, budget, diagnostics, kind, timeout.Token);
                feed.Wait(timeout.Token);
                return grids;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or AggregateException)
            {
                if (timeout.IsCancellationRequested)
                {
                    budget.OutOfTime();
                }
                else
                {
                    diagnostics.Add(Messages.FileReaderFailed.At(SourceLocation.File, KindName(kind)));
                }

                return null;
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }

    /// <summary>Reads the worker's lines into grids, within the budget; null with a diagnostic on refusal or failure.</summary>
    private static List<Grid>? Collect(Stream output, ReadBudget budget, List<Diagnostic> diagnostics, string kind, CancellationToken cancellationToken)
    {
        var grids = new List<Grid>();
        List<RawRow>? rows = null;
        var line = new MemoryStream();
        var buffer = new byte[64 * 1024];
        // A line holds a row; a row's text is bounded by the cells of a row and the cell length.
        var maxLine = (long)Math.Min(int.MaxValue / 2, (budget.Options.MaxCellLength + 16L) * 64 + 1024);

        // What is held before the rows reach the row gate (which charges them): as many bytes as the
        // characters a read may hold could take in UTF-8 with the protocol around them.
        var maxBytes = budget.Options.MaxCharacters * 4 + 1024 * 1024;
        long bytes = 0;
        int read;
        while ((read = output.ReadAsync(buffer, cancellationToken).AsTask().GetAwaiter().GetResult()) > 0)
        {
            var span = buffer.AsSpan(0, read);
            while (!span.IsEmpty)
            {
                var newline = span.IndexOf((byte)'\n');
                var part = newline < 0 ? span : span[..newline];
                if (line.Length + part.Length > maxLine)
                {
                    budget.Characters(long.MaxValue / 4, SourceLocation.File);
                    return null;
                }

                line.Write(part);
                if (newline < 0)
                {
                    break;
                }

                span = span[(newline + 1)..];
                bytes += line.Length;
                if (bytes > maxBytes)
                {
                    budget.Characters(long.MaxValue / 4, SourceLocation.File);
                    return null;
                }

                if (!budget.Tick())
                {
                    return null;
                }

                (string? Grid, RawRow? Row, (string Code, string Reason)? Refused, bool End) parsed;
                try
                {
                    parsed = GridProtocol.Parse(line.GetBuffer().AsSpan(0, (int)line.Length));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
                {
                    diagnostics.Add(Messages.FileReaderFailed.At(SourceLocation.File, KindName(kind)));
                    return null;
                }

                line.SetLength(0);
                if (parsed.Refused is { } refused)
                {
                    diagnostics.Add(refused.Code == GridProtocol.NoTextLayer
                        ? Messages.FileUnsupported.At(SourceLocation.File, "没有文字层的 PDF（扫描件或图片）")
                        : Messages.XlsxCorrupt.At(SourceLocation.File, refused.Reason));
                    return null;
                }

                if (parsed.End)
                {
                    return grids;
                }

                if (parsed.Grid is { } name)
                {
                    rows = [];
                    grids.Add(new Grid(name, rows));
                }
                else if (parsed.Row is { } row)
                {
                    if (rows is null)
                    {
                        rows = [];
                        grids.Add(new Grid("", rows));
                    }

                    rows.Add(row);
                }
            }
        }

        // The worker ended without its end line: it failed (a crash, or over its heap limit).
        diagnostics.Add(Messages.FileReaderFailed.At(SourceLocation.File, KindName(kind)));
        return null;
    }

    private static string KindName(string kind) => kind switch
    {
        "xls" => "Excel 97-2003 工作簿（.xls）",
        "pdf" => "PDF 文件",
        _ => kind,
    };

    /// <summary>The dotnet host that runs this process (or the one on the path), to run the worker with.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is not null && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }
}
