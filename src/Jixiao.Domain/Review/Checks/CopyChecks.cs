using System.Globalization;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Review;

/// <summary>
/// Copying: projects of one document with near-identical indicator sets, and the same project in an
/// earlier year with its targets carried over unchanged or lowered.
/// </summary>
/// <remarks>
/// Near-identical sets are found with a set-similarity join instead of comparing every pair: names are
/// numbered, each set is sorted rarest name first, and two sets with Jaccard similarity ≥ t must share a
/// name among the first n − ⌈t·n⌉ + 1 of either (prefix filtering). Only those prefixes are indexed, so a
/// name every project uses (用户满意度) is rarely looked up. Sets that are exactly equal are matched
/// through a dictionary first. Each project reports at most its best earlier match, so the output grows
/// with the number of projects, not with the number of pairs.
/// </remarks>
internal static class CopyChecks
{
    /// <summary>How many earlier projects sharing one prefix name are compared at most.</summary>
    private const int MaxCandidatesPerName = 64;

    public static void SimilarProjects(TargetDocument document, ReviewSettings settings, FindingSink sink)
    {
        var projects = document.Projects;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new int[projects.Count][];
        var nameKeys = new string[projects.Count][];
        var frequency = new List<int>();
        for (var p = 0; p < projects.Count; p++)
        {
            var set = new HashSet<int>();
            var indicators = projects[p].Indicators;
            nameKeys[p] = new string[indicators.Count];
            for (var i = 0; i < indicators.Count; i++)
            {
                var key = nameKeys[p][i] = NameKeys.Key(indicators[i].Name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!ids.TryGetValue(key, out var id))
                {
                    ids[key] = id = ids.Count;
                    frequency.Add(0);
                }

                if (set.Add(id))
                {
                    frequency[id]++;
                }
            }

            sets[p] = [.. set.Order()];
        }

        var threshold = settings.CopyMinSimilarity;
        var series = projects.Select(p => NameKeys.SeriesKey(p.Name)).ToArray();
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new Dictionary<int, List<int>>();
        var seenStamp = new int[projects.Count];
        for (var p = 0; p < projects.Count; p++)
        {
            var set = sets[p];
            if (set.Length < settings.CopyMinIndicators)
            {
                continue;
            }

            int? best = null;
            var bestSimilarity = 0.0;
            var signature = string.Join(',', set);
            if (exact.TryGetValue(signature, out var twin) && series[twin] != series[p])
            {
                best = twin;
                bestSimilarity = 1.0;
            }

            var byRarity = set.OrderBy(id => frequency[id]).ThenBy(id => id).ToArray();
            var prefix = set.Length - (int)Math.Ceiling(threshold * set.Length - 1e-9) + 1;
            if (best is null)
            {
                for (var k = 0; k < prefix && k < byRarity.Length; k++)
                {
                    if (!postings.TryGetValue(byRarity[k], out var list))
                    {
                        continue;
                    }

                    for (var c = list.Count - 1; c >= 0 && c >= list.Count - MaxCandidatesPerName; c--)
                    {
                        var candidate = list[c];
                        if (seenStamp[candidate] == p + 1)
                        {
                            continue;
                        }

                        seenStamp[candidate] = p + 1;
                        var other = sets[candidate];
                        if (other.Length < threshold * set.Length || set.Length < threshold * other.Length || series[candidate] == series[p])
                        {
                            continue;
                        }

                        var similarity = Jaccard(set, other);
                        if (similarity >= threshold - 1e-9 && similarity > bestSimilarity)
                        {
                            best = candidate;
                            bestSimilarity = similarity;
                        }
                    }
                }
            }

            if (best is { } match)
            {
                Report(document, projects[p], nameKeys[p], projects[match], nameKeys[match], bestSimilarity, sink);
            }

            exact.TryAdd(signature, p);
            for (var k = 0; k < prefix && k < byRarity.Length; k++)
            {
                if (!postings.TryGetValue(byRarity[k], out var list))
                {
                    postings[byRarity[k]] = list = [];
                }

                list.Add(p);
            }
        }
    }

    private static void Report(TargetDocument document, Project project, string[] names, Project earlier, string[] earlierNames, double similarity, FindingSink sink)
    {
        var earlierByName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < earlierNames.Length; i++)
        {
            earlierByName.TryAdd(earlierNames[i], earlier.Indicators[i].TargetText);
        }

        var sameName = 0;
        var sameValue = 0;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (counted.Add(names[i]) && earlierByName.TryGetValue(names[i], out var value))
            {
                sameName++;
                if (NameKeys.ValueKey(value) == NameKeys.ValueKey(project.Indicators[i].TargetText))
                {
                    sameValue++;
                }
            }
        }

        var line = earlier.Location.Line?.ToString(CultureInfo.InvariantCulture) ?? "?";
        sink.Add(ReviewRules.CopySimilar, document, project, null, project.Location,
            earlier.Name, line, FundingChecks.Percent(similarity), sameName, sameValue);
    }

    private static double Jaccard(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>
    /// The same project (same unit, same name once years are set aside) in an earlier year: in another
    /// document of the unit or, when the names carry the years, in the same document. Each project is
    /// compared with the nearest earlier year.
    /// </summary>
    public static void YearOnYear(IReadOnlyList<TargetDocument> documents, FindingSink sink)
    {
        var groups = new Dictionary<(string Unit, string Series), List<(TargetDocument Document, Project Project, int Year)>>();
        foreach (var document in documents.Distinct())
        {
            var documentYear = NameKeys.FirstYear(document.Title) ?? NameKeys.FirstYear(document.Source.FileName);
            var unit = NameKeys.Key(document.Unit.Name);
            foreach (var project in document.Projects)
            {
                if ((NameKeys.FirstYear(project.Name) ?? documentYear) is not { } year)
                {
                    continue;
                }

                var key = (unit, NameKeys.SeriesKey(project.Name));
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add((document, project, year));
            }
        }

        foreach (var list in groups.Values)
        {
            if (list.Count < 2)
            {
                continue;
            }

            var byYear = list.OrderBy(e => e.Year).ToList();
            for (var i = 1; i < byYear.Count; i++)
            {
                var current = byYear[i];
                var earlierIndex = i - 1;
                while (earlierIndex >= 0 && byYear[earlierIndex].Year == current.Year)
                {
                    earlierIndex--;
                }

                if (earlierIndex < 0)
                {
                    continue;
                }

                var earlier = byYear[earlierIndex];
                Compare(earlier.Project, earlier.Year, current.Document, current.Project, current.Year, sink);
            }
        }
    }

    private static void Compare(Project earlier, int earlierYear, TargetDocument document, Project current, int year, FindingSink sink)
    {
        var earlierByName = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var indicator in earlier.Indicators)
        {
            earlierByName.TryAdd(NameKeys.Key(indicator.Name), indicator);
        }

        var unchanged = 0;
        foreach (var indicator in current.Indicators)
        {
            if (!earlierByName.TryGetValue(NameKeys.Key(indicator.Name), out var before))
            {
                continue;
            }

            if (NameKeys.ValueKey(before.TargetText) == NameKeys.ValueKey(indicator.TargetText))
            {
                unchanged++;
                continue;
            }

            if (Review.YearOnYear.Lowered(before.Target, indicator.Target))
            {
                sink.Add(ReviewRules.CopyLowered, document, current, indicator, indicator.Location,
                    indicator.Name, earlierYear, before.TargetText, year, indicator.TargetText);
            }
        }

        if (unchanged == current.Indicators.Count && unchanged >= 2)
        {
            sink.Add(ReviewRules.CopyUnchanged, document, current, null, current.Location, unchanged, earlierYear);
        }
    }
}
