using System.Globalization;
using System.Text;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Review;

/// <summary>Consistency within a project: goal text against indicators, duplicate names, one value pasted everywhere.</summary>
internal static class ConsistencyChecks
{
    private static readonly char[] GoalSeparators = ['。', '；', ';', '，', ',', '！', '!', '？', '?', '\n', '\r'];

    public static void Run(TargetDocument document, Project project, ReviewSettings settings, FindingSink sink)
    {
        Duplicates(document, project, sink);
        Pasted(document, project, settings, sink);
        GoalAgainstIndicators(document, project, sink);
    }

    private static void Duplicates(TargetDocument document, Project project, FindingSink sink)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var indicator in project.Indicators)
        {
            var key = NameKeys.Key(indicator.Name);
            if (key.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                sink.Add(ReviewRules.Duplicate, document, project, indicator, indicator.Location, indicator.Name, first);
            }
            else
            {
                seen[key] = indicator.Seq;
            }
        }
    }

    private static void Pasted(TargetDocument document, Project project, ReviewSettings settings, FindingSink sink)
    {
        if (project.Indicators.Count < settings.PastedValueMinCount)
        {
            return;
        }

        var ignored = settings.PastedValueIgnored.Select(ValueKey).ToHashSet(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var indicator in project.Indicators)
        {
            if (indicator.Target.Kind == TargetKind.Missing)
            {
                continue;
            }

            var key = ValueKey(indicator.TargetText);
            if (key.Length == 0 || ignored.Contains(key))
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var seqs))
            {
                groups[key] = seqs = [];
            }

            seqs.Add(indicator.Seq);
        }

        foreach (var (value, seqs) in groups)
        {
            if (seqs.Count >= settings.PastedValueMinCount)
            {
                var list = string.Join("、", seqs.Select(s => s.ToString(CultureInfo.InvariantCulture)));
                sink.Add(ReviewRules.PastedValue, document, project, null, project.Location, seqs.Count, value, list);
            }
        }
    }

    /// <summary>The value as compared for pasting: width folded, spaces and trailing punctuation dropped.</summary>
    private static string ValueKey(string text)
    {
        var normal = ChineseText.Normalize(text);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (!ChineseText.IsSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd('。', '.', '；', ';', '，', ',');
    }

    private static void GoalAgainstIndicators(TargetDocument document, Project project, FindingSink sink)
    {
        var statements = GoalStatements(project.Goal);
        if (statements.Count == 0)
        {
            return;
        }

        foreach (var indicator in project.Indicators)
        {
            if (indicator.Target.Kind != TargetKind.Quantitative)
            {
                continue;
            }

            var found = false;
            foreach (var clause in indicator.Target.Clauses)
            {
                if (clause.Unit.Length == 0)
                {
                    continue;
                }

                var words = NameKeys.Words(ChineseText.Normalize(indicator.Name) + " " + clause.Subject);
                foreach (var (fragment, goalWords, goalClause) in statements)
                {
                    if (goalClause.Unit == clause.Unit && goalClause.Period == clause.Period
                        && goalWords.Overlaps(words) && Contradicts(goalClause, clause))
                    {
                        sink.Add(ReviewRules.GoalContradicts, document, project, indicator, indicator.Location, fragment, indicator.Name, indicator.TargetText);
                        found = true;
                        break;
                    }
                }

                if (found)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The goal's sentences that state a number with a unit, with their words.</summary>
    private static List<(string Fragment, HashSet<string> Words, TargetClause Clause)> GoalStatements(string goal)
    {
        var statements = new List<(string, HashSet<string>, TargetClause)>();
        foreach (var part in goal.Split(GoalSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.Any(c => char.IsDigit(c)))
            {
                continue;
            }

            var parsed = TargetGrammar.Parse(part);
            if (parsed.Kind != TargetKind.Quantitative)
            {
                continue;
            }

            HashSet<string>? words = null;
            foreach (var clause in parsed.Clauses)
            {
                if (clause.Unit.Length > 0 && clause.UnitSource != UnitSource.IndicatorName)
                {
                    words ??= NameKeys.Words(ChineseText.Normalize(part));
                    statements.Add((part, words, clause));
                }
            }
        }

        return statements;
    }

    /// <summary>
    /// The indicator asks for less than the goal promises (or, for an upper bound, allows more); an
    /// indicator stricter than a "不少于" goal is not a contradiction. Opposite directions are two
    /// different measures and are not compared.
    /// </summary>
    private static bool Contradicts(TargetClause goal, TargetClause indicator)
    {
        if (goal.Value == indicator.Value)
        {
            return false;
        }

        if ((goal.Direction == Direction.Higher && indicator.Direction == Direction.Lower)
            || (goal.Direction == Direction.Lower && indicator.Direction == Direction.Higher))
        {
            return false;
        }

        return goal.Comparator switch
        {
            Comparator.GreaterOrEqual or Comparator.Greater => indicator.Value < goal.Value,
            Comparator.LessOrEqual or Comparator.Less => indicator.Value > goal.Value,
            Comparator.Approximately => Math.Abs(indicator.Value - goal.Value) > Math.Abs(goal.Value) / 10m,
            Comparator.Equal => true,
        };
    }
}
