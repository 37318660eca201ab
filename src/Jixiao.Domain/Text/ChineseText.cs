namespace Jixiao.Domain.Text;

/// <summary>
/// Character-level normalisation shared by the readers and the target grammar. Every mapping is one
/// character to one character, so positions in the normalised text are positions in the original.
/// </summary>
public static class ChineseText
{
    /// <summary>
    /// Maps full-width ASCII forms (<c>０-９ Ａ-Ｚ ％ （ ） ： ， ＞ ＝</c>…) and the ideographic space to
    /// their ASCII forms, and the variant comparison symbols <c>≧ ≦ ﹦ ﹤ ﹥ ﹪</c> to <c>≥ ≤ = &lt; &gt; %</c>.
    /// Chinese punctuation without an ASCII twin (<c>、。“”</c>) is kept.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var first = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (Map(span[i]) != span[i])
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (dest, state) =>
        {
            state.text.AsSpan().CopyTo(dest);
            for (var i = state.first; i < dest.Length; i++)
            {
                dest[i] = Map(dest[i]);
            }
        });
    }

    /// <summary>The normalised form of one character (see <see cref="Normalize"/>).</summary>
    public static char Map(char c) => c switch
    {
        < '\u2000' => c,
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\u2267' => '≥',
        '\u2266' => '≤',
        '\uFE66' => '=',
        '\uFE64' => '<',
        '\uFE65' => '>',
        '\uFE6A' => '%',
        '\u2030' => '‰',
        _ => c,
    };

    /// <summary>Whitespace for table cells: ASCII and Unicode spaces, the ideographic space and no-break space.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';

    /// <summary>Trims <see cref="IsSpace"/> characters from both ends.</summary>
    public static string TrimSpace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = TrimSpace(text.AsSpan());
        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>Trims <see cref="IsSpace"/> characters from both ends of a span.</summary>
    public static ReadOnlySpan<char> TrimSpace(ReadOnlySpan<char> text)
    {
        int start = 0, end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>True when <paramref name="text"/> holds only <see cref="IsSpace"/> characters (or nothing).</summary>
    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The trimmed text, cut to <paramref name="max"/> characters with an ellipsis, for messages.</summary>
    public static string Excerpt(string text, int max = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = TrimSpace(text);
        return t.Length <= max ? t : t[..max] + "…";
    }

    /// <summary>True for the ASCII digits 0-9 (after <see cref="Normalize"/>, full-width digits are ASCII).</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>True for ASCII letters.</summary>
    public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
