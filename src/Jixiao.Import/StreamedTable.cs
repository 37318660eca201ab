using System.Collections.Concurrent;
using Jixiao.Contracts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;

namespace Jixiao.Import;

/// <summary>
/// A table read twice so that it is never held whole: the first read checks all of it and keeps its
/// header and diagnostics (<see cref="Result"/>, a document without projects); the second, run as
/// <see cref="Projects"/> is enumerated, hands the projects over one at a time. For commands that write a
/// large table out: nothing is written unless the whole table reads, and at most a few projects are in
/// memory at once (with a summary table; other forms are read whole in each read).
/// </summary>
public sealed class StreamedTable
{
    /// <summary>How many read projects may wait for the one enumerating them.</summary>
    private const int Ahead = 64;

    private readonly byte[]? _content;
    private readonly string _fileName;
    private readonly ReadOptions _options;

    private StreamedTable(byte[]? content, string fileName, ReadOptions options, ReadResult result, int projectCount)
    {
        _content = content;
        _fileName = fileName;
        _options = options;
        Result = result;
        ProjectCount = projectCount;
    }

    /// <summary>What the first read made of the file: the document without its projects, and every diagnostic.</summary>
    public ReadResult Result { get; }

    /// <summary>How many projects the table holds.</summary>
    public int ProjectCount { get; }

    /// <summary>Reads the file at <paramref name="path"/> once, to check it and count its projects.</summary>
    public static StreamedTable ReadFile(string path, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ReadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var name = Path.GetFileName(path);
        if (TableReader.Load(path, options, diagnostics) is not { } content)
        {
            return new StreamedTable(null, name, options, new ReadResult(null, diagnostics), 0);
        }

        var count = 0;
        var young = new YoungGeneration();
        var result = TableReader.Read(content, name, options, _ =>
        {
            count++;
            young.Check();
        });
        return new StreamedTable(result.IsReadable ? content : null, name, options, result, result.IsReadable ? count : 0);
    }

    /// <summary>
    /// The projects in table order, read again as they are taken (on another thread, a few ahead).
    /// Empty when the table could not be read.
    /// </summary>
    public IEnumerable<Project> Projects()
    {
        if (_content is null)
        {
            yield break;
        }

        using var waiting = new BlockingCollection<Project>(Ahead);
        using var stop = new CancellationTokenSource();

        // The first read kept within every limit and the second reads the same bytes, so only its time is let go.
        var options = _options with { MaxTime = TimeSpan.FromDays(1) };
        var reader = Task.Run(() =>
        {
            try
            {
                var young = new YoungGeneration();
                var again = TableReader.Read(_content, _fileName, options, project =>
                {
                    waiting.Add(project, stop.Token);
                    young.Check();
                });
                if (!again.IsReadable)
                {
                    throw new InvalidOperationException("The second read of a table failed where the first succeeded.");
                }
            }
            finally
            {
                waiting.CompleteAdding();
            }
        });

        var handed = 0;
        try
        {
            foreach (var project in waiting.GetConsumingEnumerable())
            {
                handed++;
                yield return project;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.Wait();
            }
            catch (AggregateException e) when (stop.IsCancellationRequested && handed < ProjectCount && e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                // The enumeration was left early: the reader stopped when told to.
            }
        }

        if (handed != ProjectCount)
        {
            throw new InvalidOperationException($"The second read of a table gave {handed} projects, the first {ProjectCount}.");
        }
    }

    /// <summary>The table in the JSON shape of a document, its projects read again as the JSON is written.</summary>
    public DocumentDto ToJson()
    {
        var dto = Result.ToJson();
        return Result.Document is { } document
            ? dto with { Projects = DocumentJson.ProjectsAsTaken(Projects(), ProjectCount, document.AmountUnit) }
            : dto;
    }
}
