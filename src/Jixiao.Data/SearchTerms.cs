using System.Text;
using Jixiao.Data.Records;

namespace Jixiao.Data;

/// <summary>
/// The words a project is found by: every pair of neighbouring characters of its name, goal, indicator
/// names and targets, each pair written as eight lower-case Latin letters so that any full-text engine
/// takes it as one plain word. Chinese has no spaces between words and most searches are two or three
/// characters (保障, 满意度), so pairs serve both engines alike: SQLite's FTS5 and PostgreSQL's GIN over
/// <c>to_tsvector('simple', …)</c>. A search for a text looks up the pairs of the text, all of which a
/// match must have; the candidates are then checked for the text itself, so the pairs only narrow and
/// never decide. A text of one character has no pair and is searched without the index.
/// </summary>
public static class SearchTerms
{
    /// <summary>Letters per character: 26⁴ covers every UTF-16 code unit.</summary>
    private const int LettersPerChar = 4;

    /// <summary>The most pairs a search looks up: more narrow no further, and each costs a posting list.</summary>
    public const int MaxQueryPairs = 12;

    /// <summary>The terms of <paramref name="project"/> and its indicators, distinct, space-separated.</summary>
    public static string Of(ProjectRecord project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var pairs = new HashSet<uint>();
        Add(pairs, project.Name);
        Add(pairs, project.Goal);
        foreach (var indicator in project.Indicators)
        {
            Add(pairs, indicator.Name);
            Add(pairs, indicator.TargetText);
        }

        var text = new StringBuilder(pairs.Count * ((2 * LettersPerChar) + 1));
        foreach (var pair in pairs)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            Append(text, pair);
        }

        return text.ToString();
    }

    /// <summary>The terms a match for <paramref name="query"/> must have, at most <see cref="MaxQueryPairs"/>, spread over the text; empty when the text is one character.</summary>
    public static IReadOnlyList<string> ForQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Distinct, in the order of the text; a set keeps a long text linear.
        var seen = new HashSet<uint>();
        var pairs = new List<uint>();
        for (var i = 0; i + 1 < query.Length; i++)
        {
            var pair = Pair(query[i], query[i + 1]);
            if (seen.Add(pair))
            {
                pairs.Add(pair);
            }
        }

        // A long text keeps pairs from all along it: any of them narrows as well as its neighbours.
        var step = Math.Max(1, (pairs.Count + MaxQueryPairs - 1) / MaxQueryPairs);
        return [.. pairs.Where((_, i) => i % step == 0).Take(MaxQueryPairs).Select(pair => Append(new StringBuilder(2 * LettersPerChar), pair).ToString())];
    }

    private static void Add(HashSet<uint> pairs, string? text)
    {
        if (text is null)
        {
            return;
        }

        for (var i = 0; i + 1 < text.Length; i++)
        {
            pairs.Add(Pair(text[i], text[i + 1]));
        }
    }

    private static uint Pair(char first, char second) => ((uint)first << 16) | second;

    private static StringBuilder Append(StringBuilder text, uint pair)
    {
        Letters(text, (char)(pair >> 16));
        Letters(text, (char)(pair & 0xFFFF));
        return text;
    }

    private static void Letters(StringBuilder text, char c)
    {
        int value = c;
        Span<char> letters = stackalloc char[LettersPerChar];
        for (var i = LettersPerChar - 1; i >= 0; i--)
        {
            letters[i] = (char)('a' + (value % 26));
            value /= 26;
        }

        text.Append(letters);
    }
}
