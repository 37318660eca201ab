namespace Jixiao.Import.Tables;

/// <summary>
/// One string per short text a read meets again and again: the names and values of indicators (服务对象满意度,
/// ≥95%, 及时) repeat across a table's projects, and each copy would otherwise be a string of its own that
/// lives as long as the document. One pool per read, bounded: texts longer than <see cref="MaxLength"/> are
/// not pooled, and past <see cref="MaxEntries"/> texts new ones are made as usual.
/// </summary>
internal sealed class TextPool
{
    /// <summary>The longest text pooled; longer ones rarely repeat.</summary>
    public const int MaxLength = 24;

    /// <summary>The most texts held.</summary>
    public const int MaxEntries = 8192;

    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextPool() => _lookup = _held.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The read's parses of short target values, shared the same way.</summary>
    public Domain.Targets.TargetParses Targets { get; } = new();

    /// <summary>The string for <paramref name="text"/>: the one held when there is one.</summary>
    public string Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (_lookup.TryGetValue(text, out var held))
        {
            return held;
        }

        var made = text.ToString();
        if (_held.Count < MaxEntries)
        {
            _held.Add(made);
        }

        return made;
    }
}
