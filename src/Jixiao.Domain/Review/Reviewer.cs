using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;

namespace Jixiao.Domain.Review;

/// <summary>A project's findings and its quality score.</summary>
/// <param name="Project">The project.</param>
/// <param name="Index">Its 0-based position in the document.</param>
/// <param name="Score">Quality score, 0–100, one decimal (see <see cref="QualityScore"/>).</param>
/// <param name="Findings">Its findings (about the project or one of its indicators), by indicator and rule.</param>
public sealed record ProjectReview(Project Project, int Index, decimal Score, IReadOnlyList<Finding> Findings);

/// <summary>A document's findings and quality score.</summary>
/// <param name="Document">The document.</param>
/// <param name="Score">Quality score, 0–100, one decimal (see <see cref="QualityScore"/>).</param>
/// <param name="Projects">Every project in table order.</param>
/// <param name="UnitFindings">Findings about the unit as a whole (the summary row).</param>
public sealed record DocumentReview(TargetDocument Document, decimal Score, IReadOnlyList<ProjectReview> Projects, IReadOnlyList<Finding> UnitFindings);

/// <summary>The result of reviewing one or more documents together.</summary>
/// <param name="Settings">The settings used.</param>
/// <param name="Documents">One review per document, in the order given.</param>
/// <param name="Findings">Every finding: by document, then unit before projects, then table order.</param>
public sealed record ReviewReport(ReviewSettings Settings, IReadOnlyList<DocumentReview> Documents, IReadOnlyList<Finding> Findings)
{
    /// <summary>The number of findings of <paramref name="severity"/>.</summary>
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>
/// The first pass of a finance-bureau reviewer (绩效目标审核): runs every rule of <see cref="ReviewRules"/>
/// over the documents under the given settings. Documents are reviewed together so that a project copied
/// from another, or carried over from an earlier year, is found.
/// </summary>
public static class Reviewer
{
    /// <summary>Reviews <paramref name="documents"/> together under <paramref name="settings"/>.</summary>
    public static ReviewReport Review(IReadOnlyList<TargetDocument> documents, ReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(settings);
        var sink = new FindingSink(settings);
        var checks = new DocumentChecks(settings, sink);
        foreach (var document in documents)
        {
            checks.Run(document);
        }

        CopyChecks.YearOnYear(documents, sink);
        return Assemble(documents, settings, sink.Findings);
    }

    /// <summary>
    /// Reviews <paramref name="document"/> alone under <paramref name="settings"/>, with <paramref name="earlier"/>
    /// (the unit's tables of earlier years) only as what its targets are compared with year on year: the
    /// earlier tables are not reviewed again, so the work is the document's whatever the unit's history.
    /// </summary>
    public static ReviewReport Review(TargetDocument document, IReadOnlyList<TargetDocument> earlier, ReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(settings);
        var sink = new FindingSink(settings);
        new DocumentChecks(settings, sink).Run(document);
        CopyChecks.YearOnYear([document, .. earlier], sink);
        return Assemble([document], settings, [.. sink.Findings.Where(f => ReferenceEquals(f.Document, document))]);
    }

    private static ReviewReport Assemble(IReadOnlyList<TargetDocument> documents, ReviewSettings settings, List<Finding> findings)
    {
        var ruleOrder = new Dictionary<ReviewRule, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < ReviewRules.All.Count; i++)
        {
            ruleOrder[ReviewRules.All[i]] = i;
        }

        var byDocument = findings.GroupBy(f => f.Document).ToDictionary(g => g.Key, g => g.ToList());
        var reviews = new List<DocumentReview>(documents.Count);
        var ordered = new List<Finding>(findings.Count);
        foreach (var document in documents)
        {
            if (reviews.Any(r => ReferenceEquals(r.Document, document)))
            {
                continue;
            }

            var own = byDocument.GetValueOrDefault(document) ?? [];
            var unit = own.Where(f => f.Project is null).OrderBy(f => ruleOrder[f.Rule]).ToList();
            var byProject = own.Where(f => f.Project is not null).GroupBy(f => f.Project!).ToDictionary(g => g.Key, g => g.ToList());
            var projects = new List<ProjectReview>(document.Projects.Count);
            for (var i = 0; i < document.Projects.Count; i++)
            {
                var project = document.Projects[i];
                var projectFindings = (byProject.GetValueOrDefault(project) ?? [])
                    .OrderBy(f => f.IndicatorSeq ?? 0).ThenBy(f => ruleOrder[f.Rule]).ToList();
                projects.Add(new ProjectReview(project, i, QualityScore.Of(projectFindings, settings.Score), projectFindings));
            }

            ordered.AddRange(unit);
            foreach (var project in projects)
            {
                ordered.AddRange(project.Findings);
            }

            reviews.Add(new DocumentReview(document, QualityScore.OfDocument(projects, unit, settings.Score), projects, unit));
        }

        return new ReviewReport(settings, reviews, ordered);
    }
}

/// <summary>Every rule that looks at one document alone: its funds, each project, its indicators, and projects copied within it.</summary>
internal sealed class DocumentChecks(ReviewSettings settings, FindingSink sink)
{
    private readonly IndicatorChecks _indicators = new(settings, sink);
    private readonly ConsistencyChecks _consistency = new(settings, sink);

    public void Run(TargetDocument document)
    {
        FundingChecks.Run(document, settings, sink);
        foreach (var project in document.Projects)
        {
            ProjectChecks.Run(document, project, settings, sink);
            _indicators.Run(document, project);
            _consistency.Run(document, project);
        }

        CopyChecks.SimilarProjects(document, settings, sink);
    }
}

/// <summary>Collects findings, applying the severity the settings give each rule (or dropping a rule switched off).</summary>
internal sealed class FindingSink(ReviewSettings settings)
{
    public List<Finding> Findings { get; } = [];

    public void Add(ReviewRule rule, TargetDocument document, Project? project, Indicator? indicator, SourceLocation location, params object?[] args)
    {
        if (settings.SeverityOf(rule) is not { } severity)
        {
            return;
        }

        Findings.Add(new Finding(rule, severity, document, project, indicator?.Seq, rule.Format(args), indicator?.Location ?? location));
    }
}
