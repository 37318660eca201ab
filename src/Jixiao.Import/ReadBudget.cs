using System.Globalization;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import;

/// <summary>The limits of <see cref="ReadOptions"/> a read can run into.</summary>
public enum ReadLimit
{
    /// <summary>Rows with content.</summary>
    Rows,

    /// <summary>Cells over all rows.</summary>
    Cells,

    /// <summary>Characters of cell text.</summary>
    Characters,

    /// <summary>Bytes unzipped from a package.</summary>
    UncompressedBytes,

    /// <summary>Compression ratio of one package part.</summary>
    CompressionRatio,

    /// <summary>Element nesting in XML.</summary>
    XmlDepth,

    /// <summary>One XML tag or run of text.</summary>
    XmlNode,

    /// <summary>Projects in the table.</summary>
    Projects,

    /// <summary>Indicators in the table.</summary>
    Indicators,

    /// <summary>Wall time.</summary>
    Time,
}

/// <summary>
/// What one read has spent against its <see cref="ReadOptions"/>. Readers charge it as they go and stop
/// as soon as <see cref="Exhausted"/> is set; the first limit reached is the one reported. Not thread-safe:
/// one budget per read.
/// </summary>
internal sealed class ReadBudget
{
    private const int TimeCheckEvery = 256;
    private readonly ReadOptions _options;
    private readonly long _started;
    private long _cells;
    private long _characters;
    private long _uncompressed;
    private int _rows;
    private int _projects;
    private int _indicators;
    private int _sinceTimeCheck;

    public ReadBudget(ReadOptions options)
    {
        _options = options;
        _started = options.Time.GetTimestamp();
    }

    public ReadOptions Options => _options;

    /// <summary>The limit that stopped the read, null while within budget.</summary>
    public ReadLimit? Exhausted { get; private set; }

    /// <summary>Where the limit was reached (the row or line being read), for the diagnostic.</summary>
    public SourceLocation ExhaustedAt { get; private set; }

    /// <summary>Charges one row with content; false when over budget.</summary>
    public bool Row(SourceLocation at) => Charge(ref _rows, 1, _options.MaxRows, ReadLimit.Rows, at);

    /// <summary>Charges <paramref name="count"/> cells and <paramref name="characters"/> characters; false when over budget.</summary>
    public bool Cells(long count, long characters, SourceLocation at) =>
        Charge(ref _cells, count, _options.MaxCells, ReadLimit.Cells, at)
        && Charge(ref _characters, characters, _options.MaxCharacters, ReadLimit.Characters, at);

    /// <summary>Charges characters that are not yet in a cell (a shared-string table, a JSON text); false when over budget.</summary>
    public bool Characters(long characters, SourceLocation at) => Charge(ref _characters, characters, _options.MaxCharacters, ReadLimit.Characters, at);

    /// <summary>Charges bytes unzipped; false when over budget.</summary>
    public bool Uncompressed(long bytes) => Charge(ref _uncompressed, bytes, _options.MaxUncompressedBytes, ReadLimit.UncompressedBytes, SourceLocation.File);

    /// <summary>Charges one project and its indicators; false when over budget.</summary>
    public bool Project(int indicators, SourceLocation at) =>
        Charge(ref _projects, 1, _options.MaxProjects, ReadLimit.Projects, at)
        && Charge(ref _indicators, indicators, _options.MaxIndicators, ReadLimit.Indicators, at);

    /// <summary>Checks nesting depth; false when too deep.</summary>
    public bool Depth(int depth, SourceLocation at)
    {
        if (depth <= _options.MaxXmlDepth)
        {
            return true;
        }

        Stop(ReadLimit.XmlDepth, at);
        return false;
    }

    /// <summary>Stops the read for one XML tag or run of text longer than any workbook has.</summary>
    public void NodeTooLong() => Stop(ReadLimit.XmlNode, SourceLocation.File);

    /// <summary>Stops the read for a part unzipping far beyond its compressed size.</summary>
    public void Ratio(SourceLocation at) => Stop(ReadLimit.CompressionRatio, at);

    /// <summary>Checks the clock every few hundred calls (cheap enough for every cell); false when out of time.</summary>
    public bool Tick()
    {
        if (Exhausted is not null)
        {
            return false;
        }

        if (++_sinceTimeCheck < TimeCheckEvery)
        {
            return true;
        }

        _sinceTimeCheck = 0;
        return CheckTime();
    }

    /// <summary>Checks the clock now; false when out of time.</summary>
    public bool CheckTime()
    {
        if (Exhausted is not null)
        {
            return false;
        }

        if (_options.Time.GetElapsedTime(_started) <= _options.MaxTime)
        {
            return true;
        }

        Stop(ReadLimit.Time, SourceLocation.File);
        return false;
    }

    /// <summary>The time left of the read's limit (zero when it is spent).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = _options.MaxTime - _options.Time.GetElapsedTime(_started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Stops the read for its time limit (a worker that did not finish in time).</summary>
    public void OutOfTime() => Stop(ReadLimit.Time, SourceLocation.File);

    /// <summary>The diagnostic for the limit reached.</summary>
    public Diagnostic Diagnostic() => Messages.ReadLimit.At(ExhaustedAt, Describe(Exhausted ?? ReadLimit.Time, _options));

    /// <summary>The limit in Chinese with its value, as the diagnostic and the docs show it.</summary>
    public static string Describe(ReadLimit limit, ReadOptions options) => limit switch
    {
        ReadLimit.Rows => $"行数超过 {Count(options.MaxRows)} 行",
        ReadLimit.Cells => $"单元格数超过 {Count(options.MaxCells)} 个",
        ReadLimit.Characters => $"文字总量超过 {Count(options.MaxCharacters)} 字",
        ReadLimit.UncompressedBytes => $"解压后的内容超过 {Size(options.MaxUncompressedBytes)}",
        ReadLimit.CompressionRatio => $"某一部分的压缩比超过 {Count(options.MaxCompressionRatio)}:1（疑似压缩炸弹）",
        ReadLimit.XmlDepth => $"元素嵌套超过 {Count(options.MaxXmlDepth)} 层（正常的文件不会这么深）",
        ReadLimit.XmlNode => $"XML 中单个标记超过 {Size(options.MaxXmlTagBytes)} 或一段文字超过 {Size(options.MaxXmlTextBytes)}（正常的工作簿不会这么长）",
        ReadLimit.Projects => $"项目数超过 {Count(options.MaxProjects)} 个",
        ReadLimit.Indicators => $"指标数超过 {Count(options.MaxIndicators)} 个",
        ReadLimit.Time => $"读取时间超过 {Count((long)options.MaxTime.TotalSeconds)} 秒",
    };

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A byte size in KB, MB or GB as people say it.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024 * 1024):0.#} GB"),
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节"),
    };

    /// <summary>Adds <paramref name="amount"/> to <paramref name="spent"/> without overflowing; false (and the read stopped) past <paramref name="limit"/>.</summary>
    private bool Charge<T>(ref T spent, T amount, T limit, ReadLimit which, SourceLocation at)
        where T : System.Numerics.INumber<T>
    {
        if (Exhausted is not null)
        {
            return false;
        }

        spent = amount > limit - spent ? limit + T.One : spent + amount;
        if (spent <= limit)
        {
            return Tick();
        }

        Stop(which, at);
        return false;
    }

    private void Stop(ReadLimit which, SourceLocation at)
    {
        if (Exhausted is null)
        {
            Exhausted = which;
            ExhaustedAt = at;
        }
    }
}
