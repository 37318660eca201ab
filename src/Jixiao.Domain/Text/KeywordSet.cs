namespace Jixiao.Domain.Text;

/// <summary>
/// A fixed set of words matched inside short texts. Words are bucketed by their first and last character,
/// so a scan touches only the words that can start (or end) where it looks; within a bucket the longest
/// word is tried first.
/// </summary>
public sealed class KeywordSet
{
    private readonly Dictionary<char, string[]> _byFirst;
    private readonly Dictionary<char, string[]> _byLast;
    private readonly ulong[] _firstChars = new ulong[1024];

    /// <summary>Builds the set; empty words are ignored.</summary>
    public KeywordSet(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToArray();
        Words = list;
        _byFirst = list.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _byLast = list.GroupBy(w => w[^1]).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var c in _byFirst.Keys)
        {
            _firstChars[c >> 6] |= 1UL << (c & 63);
        }
    }

    /// <summary>The words, longest first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>True when any word occurs anywhere in <paramref name="text"/>.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (MatchAt(text, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest word starting at <paramref name="index"/>, null when none.</summary>
    public string? MatchAt(ReadOnlySpan<char> text, int index)
    {
        if ((uint)index >= (uint)text.Length)
        {
            return null;
        }

        var c = text[index];
        if ((_firstChars[c >> 6] & (1UL << (c & 63))) == 0 || !_byFirst.TryGetValue(c, out var bucket))
        {
            return null;
        }

        var rest = text[index..];
        foreach (var word in bucket)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The longest word ending just before <paramref name="end"/>, null when none.</summary>
    public string? MatchEndingAt(ReadOnlySpan<char> text, int end)
    {
        if (end <= 0 || end > text.Length || !_byLast.TryGetValue(text[end - 1], out var bucket))
        {
            return null;
        }

        var head = text[..end];
        foreach (var word in bucket)
        {
            if (head.EndsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }
}
