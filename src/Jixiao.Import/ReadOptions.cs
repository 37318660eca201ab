namespace Jixiao.Import;

/// <summary>
/// The budget one read may spend. Every reader charges the same budget as it goes (rows, cells,
/// characters, unzipped bytes, XML depth, wall time), so no file can cost more than these limits
/// whatever its format or how it is built. A limit reached stops the read with a diagnostic that names
/// it (<c>READ-LIMIT</c>) and no document, never a partial one and never an exception.
/// <c>default</c> values come from <see cref="Default"/>, generous enough for the command line on a
/// province's largest table; the web application passes tighter ones (<see cref="Upload"/>).
/// </summary>
public sealed record ReadOptions
{
    /// <summary>The limits used when none are given (the command line).</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>
    /// The limits of one web upload: sized so that reading, reviewing and storing the largest accepted
    /// table stays well under 300 MB of server memory (measured in docs/performance.md).
    /// </summary>
    public static ReadOptions Upload { get; } = new()
    {
        MaxFileBytes = 20L * 1024 * 1024,
        MaxRows = 100_000,
        MaxCells = 1_000_000,
        MaxCharacters = 8_000_000,
        MaxUncompressedBytes = 200L * 1024 * 1024,
        MaxProjects = 5_000,
        MaxIndicators = 50_000,
        MaxTime = TimeSpan.FromSeconds(60),
    };

    /// <summary>Largest file read, in bytes (default 512 MiB).</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most rows with content (lines, records or sheet rows that are not blank) (default 2,000,000).</summary>
    public int MaxRows { get; init; } = 2_000_000;

    /// <summary>Most cells over all rows, counting the blank ones a row is padded with (default 40,000,000).</summary>
    public long MaxCells { get; init; } = 40_000_000;

    /// <summary>Most characters of cell text over the whole file, shared strings included (default 1,000,000,000).</summary>
    public long MaxCharacters { get; init; } = 1_000_000_000;

    /// <summary>Longest cell in characters; a row with a longer cell is skipped (default 100,000).</summary>
    public int MaxCellLength { get; init; } = 100_000;

    /// <summary>Most bytes unzipped from a package (.xlsx), counted as they are read, not as the package claims (default 1 GiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Largest ratio of unzipped to zipped size for one package part over 1 MiB (default 200).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Deepest element nesting in a package's XML; real workbooks stay under 12 (default 40).</summary>
    public int MaxXmlDepth { get; init; } = 40;

    /// <summary>
    /// Longest single XML tag (name and attributes), in bytes (default 1 MiB): an XML reader holds a tag
    /// whole, so this bounds what one can cost. Real tags are under a kilobyte.
    /// </summary>
    public int MaxXmlTagBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Longest run of text between two tags, in bytes (default 8 MiB). Cell text is read in chunks and
    /// cut past the cell-length limit, so this only bounds text the reader passes over.
    /// </summary>
    public int MaxXmlTextBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most projects in one table (default 1,000,000).</summary>
    public int MaxProjects { get; init; } = 1_000_000;

    /// <summary>Most indicators over all projects of one table (default 20,000,000).</summary>
    public int MaxIndicators { get; init; } = 20_000_000;

    /// <summary>Longest a read may take, wall time (default 10 minutes).</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock the time limit is measured on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
