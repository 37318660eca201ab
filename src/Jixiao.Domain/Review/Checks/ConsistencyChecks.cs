using System.Globalization;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Review;

/// <summary>Consistency within a project: goal text against indicators, duplicate names, one value pasted everywhere.</summary>
internal sealed class ConsistencyChecks(ReviewSettings settings, FindingSink sink)
{
    private static readonly char[] GoalSeparators = ['。', '；', ';', '，', ',', '！', '!', '？', '?', '\n', '\r'];

    private readonly HashSet<string> _ignoredValues = settings.PastedValueIgnored.Select(NameKeys.ValueKey).ToHashSet(StringComparer.Ordinal);

    public void Run(TargetDocument document, Project project)
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

    private void Pasted(TargetDocument document, Project project, ReviewSettings settings, FindingSink sink)
    {
        if (project.Indicators.Count < settings.PastedValueMinCount)
        {
            return;
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var indicator in project.Indicators)
        {
            if (indicator.Target.Kind == TargetKind.Missing)
            {
                continue;
            }

            var key = NameKeys.ValueKey(indicator.TargetText);
            if (key.Length == 0 || _ignoredValues.Contains(key))
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

                HashSet<string>? words = null;
                foreach (var (fragment, goalWords, goalClause) in statements)
                {
                    if (goalClause.Unit != clause.Unit || goalClause.Period != clause.Period || !Contradicts(goalClause, clause))
                    {
                        continue;
                    }

                    words ??= NameKeys.Words(ChineseText.Normalize(indicator.Name) + " " + clause.Subject);
                    if (goalWords.Overlaps(words))
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
