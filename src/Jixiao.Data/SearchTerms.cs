using System.Text;
using Jixiao.Data.Records;

namespace Jixiao.Data;

/// <summary>
/// The words a project is found by: every run of two and of three neighbouring characters of its name,
/// goal, indicator names and targets, each written as Latin letters (four a character) so that any
/// full-text engine takes it as one plain word. Chinese has no spaces between words and most searches are
/// two or three characters (保障, 满意度), so these serve both engines alike: SQLite's FTS5 and PostgreSQL's
/// GIN over a <c>tsvector</c>. Runs are taken within each field, never across two. A text of two or three
/// characters is itself one word, so having the word is containing the text (<see cref="IsExact"/>); a
/// longer text looks up its runs of three, all of which a match must have, and the candidates are then
/// checked for the text itself. A text of one character has no word and is searched without the index.
/// </summary>
public static class SearchTerms
{
    /// <summary>Letters per character: 26⁴ covers every UTF-16 code unit.</summary>
    private const int LettersPerChar = 4;

    /// <summary>The most words a search looks up: more narrow no further, and each costs a posting list.</summary>
    public const int MaxQueryWords = 12;

    /// <summary>The terms of <paramref name="project"/> and its indicators, distinct, space-separated.</summary>
    public static string Of(ProjectRecord project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var runs = new HashSet<Run>();
        Add(runs, project.Name);
        Add(runs, project.Goal);
        foreach (var indicator in project.Indicators)
        {
            Add(runs, indicator.Name);
            Add(runs, indicator.TargetText);
        }

        var text = new StringBuilder(runs.Count * ((3 * LettersPerChar) + 1));
        foreach (var run in runs)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            run.AppendTo(text);
        }

        return text.ToString();
    }

    /// <summary>True when having the words of <paramref name="query"/> is containing it: a text of two or three characters.</summary>
    public static bool IsExact(string query) => query?.Length is 2 or 3;

    /// <summary>
    /// The words a match for <paramref name="query"/> must have: the text itself when it has two or three
    /// characters, else its distinct runs of three, at most <see cref="MaxQueryWords"/>, spread over the
    /// text; empty for one character.
    /// </summary>
    public static IReadOnlyList<string> ForQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length < 2)
        {
            return [];
        }

        if (IsExact(query))
        {
            return [Run.Of(query, 0, query.Length).ToString()];
        }

        // Distinct, in the order of the text; a set keeps a long text linear.
        var seen = new HashSet<Run>();
        var runs = new List<Run>();
        for (var i = 0; i + 3 <= query.Length; i++)
        {
            var run = Run.Of(query, i, 3);
            if (seen.Add(run))
            {
                runs.Add(run);
            }
        }

        // A long text keeps runs from all along it: any of them narrows as well as its neighbours.
        var step = Math.Max(1, (runs.Count + MaxQueryWords - 1) / MaxQueryWords);
        return [.. runs.Where((_, i) => i % step == 0).Take(MaxQueryWords).Select(run => run.ToString())];
    }

    private static void Add(HashSet<Run> runs, string? text)
    {
        if (text is null)
        {
            return;
        }

        for (var i = 0; i + 2 <= text.Length; i++)
        {
            runs.Add(Run.Of(text, i, 2));
            if (i + 3 <= text.Length)
            {
                runs.Add(Run.Of(text, i, 3));
            }
        }
    }

    /// <summary>Two or three UTF-16 code units, packed.</summary>
    private readonly record struct Run(ulong Packed, int Length)
    {
        public static Run Of(string text, int start, int length)
        {
            ulong packed = 0;
            for (var i = 0; i < length; i++)
            {
                packed = (packed << 16) | text[start + i];
            }

            return new Run(packed, length);
        }

        public void AppendTo(StringBuilder text)
        {
            Span<char> letters = stackalloc char[3 * LettersPerChar];
            var written = Length * LettersPerChar;
            var packed = Packed;
            for (var c = Length - 1; c >= 0; c--)
            {
                var value = (int)(packed & 0xFFFF);
                packed >>= 16;
                for (var i = LettersPerChar - 1; i >= 0; i--)
                {
                    letters[(c * LettersPerChar) + i] = (char)('a' + (value % 26));
                    value /= 26;
                }
            }

            text.Append(letters[..written]);
        }

        public override string ToString()
        {
            var text = new StringBuilder(3 * LettersPerChar);
            AppendTo(text);
            return text.ToString();
        }
    }
}
