namespace Jixiao.Import;

/// <summary>
/// Hard limits that keep a hostile or broken file from exhausting memory. Content past a limit is
/// reported as a diagnostic, never an exception. <c>default</c> values come from <see cref="Default"/>.
/// </summary>
public sealed record ReadOptions
{
    /// <summary>The limits used when none are given.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>Largest file read, in bytes (default 512 MiB).</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most rows (lines or sheet rows) read; the rest are reported and skipped (default 2,000,000).</summary>
    public int MaxRows { get; init; } = 2_000_000;

    /// <summary>Longest cell in characters; a row with a longer cell is skipped (default 100,000).</summary>
    public int MaxCellLength { get; init; } = 100_000;

    /// <summary>Largest total size of an .xlsx once unzipped, in bytes (default 1 GiB).</summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Largest ratio of unzipped to zipped size for one .xlsx part over 1 MiB (default 200).</summary>
    public int MaxXlsxCompressionRatio { get; init; } = 200;
}
