using Jixiao.Data.Records;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Review;
using Jixiao.Domain.Targets;

namespace Jixiao.Data;

/// <summary>
/// Hand-written mapping between the domain document and its stored records. Target texts are the source
/// of truth: the parsed clauses are stored for search and reports, and re-parsed when a document is
/// loaded back into the domain.
/// </summary>
public static class DocumentMapping
{
    /// <summary>The level 1 stored as <paramref name="jsonName"/> (<c>output</c>…).</summary>
    public static bool TryLevel1(string jsonName, out Level1 level1) => LevelNames.TryParseLevel1(jsonName, out level1);

    /// <summary>The level 2 stored as <paramref name="jsonName"/> (<c>quantity</c>…).</summary>
    public static bool TryLevel2(string jsonName, out Level2 level2) => LevelNames.TryParseLevel2(jsonName, out level2);

    /// <summary>The budget year a document says: its form's year, else a year in its title or file name; null when it says none.</summary>
    public static int? YearOf(TargetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Year ?? NameKeys.FirstYear(document.Title) ?? NameKeys.FirstYear(document.Source.FileName);
    }

    /// <summary>New records for <paramref name="document"/> (no ids yet), with the reader's diagnostics and the review's results.</summary>
    public static DocumentRecord ToRecord(TargetDocument document, UnitRecord unit, IEnumerable<Diagnostic> diagnostics, DocumentReview review, DateTimeOffset importedAt)
    {
        var record = ToHeader(document, unit, diagnostics, review, importedAt);
        foreach (var projectReview in review.Projects)
        {
            record.Projects.Add(ToRecord(projectReview));
        }

        return record;
    }

    /// <summary>
    /// The document's own record without its projects (no ids yet): header lines, summary row, the reader's
    /// diagnostics, the review's score and counts and the findings on the unit as a whole. Its projects are
    /// added apart (<see cref="ToRecord(ProjectReview)"/>), so a large table need not be held as records all at once.
    /// </summary>
    public static DocumentRecord ToHeader(TargetDocument document, UnitRecord unit, IEnumerable<Diagnostic> diagnostics, DocumentReview review, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(review);
        var all = review.UnitFindings.Concat(review.Projects.SelectMany(p => p.Findings)).ToList();
        return new DocumentRecord
        {
            Unit = unit,
            Title = document.Title,
            Year = YearOf(document),
            AmountUnit = document.AmountUnit.ToString(),
            FileName = document.Source.FileName,
            SourceFormat = document.Source.Format.ToString(),
            ImportedAt = importedAt,
            SummaryName = document.Summary?.Name,
            SummaryTotalFen = document.Summary?.Funding.Total?.Fen,
            SummaryFiscalFen = document.Summary?.Funding.FiscalAppropriation?.Fen,
            SummarySpecialFen = document.Summary?.Funding.SpecialAccount?.Fen,
            SummaryOtherFen = document.Summary?.Funding.OtherFunds?.Fen,
            SummaryLine = document.Summary?.Location.Line,
            Kind = KindName(document.Kind),
            TasksJson = FormData.Tasks(document.Tasks),
            AllocationsJson = FormData.Allocations(document.Allocations),
            Score = review.Score,
            ErrorCount = all.Count(f => f.Severity == Severity.Error),
            WarningCount = all.Count(f => f.Severity == Severity.Warning),
            InfoCount = all.Count(f => f.Severity == Severity.Info),
            Diagnostics = [.. diagnostics.Select(d => new DiagnosticRecord
            {
                Code = d.Code, Severity = d.Severity.JsonName(), Message = d.Message,
                Line = d.Location.Line, Column = d.Location.Column, Cell = d.Location.Cell,
            })],
            Findings = [.. review.UnitFindings.Select(f => ToRecord(f, null))],
        };
    }

    /// <summary>The record of one reviewed project (no ids yet) with its score and findings.</summary>
    public static ProjectRecord ToRecord(ProjectReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var record = ToRecord(review.Project, review.Index);
        record.Score = review.Score;
        record.FindingCount = review.Findings.Count;
        record.Findings = [.. review.Findings.Select(f => ToRecord(f, record))];
        return record;
    }

    /// <summary>The record of one project (no ids yet).</summary>
    public static ProjectRecord ToRecord(Project project, int position)
    {
        ArgumentNullException.ThrowIfNull(project);
        var record = new ProjectRecord
        {
            Position = position,
            Name = project.Name,
            TotalFen = project.Funding.Total?.Fen,
            FiscalFen = project.Funding.FiscalAppropriation?.Fen,
            SpecialFen = project.Funding.SpecialAccount?.Fen,
            OtherFen = project.Funding.OtherFunds?.Fen,
            Goal = project.Goal,
            Line = project.Location.Line,
            Department = project.Attributes.Department,
            DepartmentCode = project.Attributes.DepartmentCode,
            ImplementingUnit = project.Attributes.ImplementingUnit,
            Category = project.Attributes.Category,
            Period = project.Attributes.Period,
            LongTermGoal = project.Attributes.LongTermGoal,
            ExecutionJson = FormData.Execution(project.Execution),
        };
        for (var i = 0; i < project.Indicators.Count; i++)
        {
            record.Indicators.Add(ToRecord(project.Indicators[i], i));
        }

        return record;
    }

    /// <summary>The record of one indicator with its parsed clauses (no ids yet).</summary>
    public static IndicatorRecord ToRecord(Indicator indicator, int position)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var target = indicator.Target;
        return new IndicatorRecord
        {
            Position = position,
            Seq = indicator.Seq,
            Level1 = indicator.Level1.JsonName(),
            WrittenLevel2 = indicator.WrittenLevel2?.JsonName(),
            Level2 = indicator.Level2?.JsonName(),
            Name = indicator.Name,
            TargetText = indicator.TargetText,
            Kind = target.Kind.JsonName(),
            Direction = target.Direction?.JsonName(),
            Form = target.Form?.JsonName(),
            Line = indicator.Location.Line,
            Explanation = indicator.Explanation,
            Standard = indicator.Standard,
            EvaluationJson = FormData.Evaluation(indicator.Evaluation),
            RegionsJson = FormData.Regions(indicator.RegionTargets),
            Clauses = [.. target.Clauses.Select((c, i) => new ClauseRecord
            {
                Position = i, Comparator = c.Comparator.Symbol(), Value = c.Value, Unit = c.Unit,
                Direction = c.Direction.JsonName(), Period = c.Period, Condition = c.Condition,
            })],
        };
    }

    /// <summary>Replaces the stored review results of a document (scores, counts, findings) with <paramref name="review"/>.</summary>
    public static void ApplyReview(DocumentRecord record, DocumentReview review)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(review);
        record.Score = review.Score;
        var all = review.UnitFindings.Concat(review.Projects.SelectMany(p => p.Findings)).ToList();
        record.ErrorCount = all.Count(f => f.Severity == Severity.Error);
        record.WarningCount = all.Count(f => f.Severity == Severity.Warning);
        record.InfoCount = all.Count(f => f.Severity == Severity.Info);
        record.Findings.Clear();
        var byPosition = record.Projects.ToDictionary(p => p.Position);
        foreach (var finding in review.UnitFindings)
        {
            record.Findings.Add(ToRecord(finding, null));
        }

        foreach (var projectReview in review.Projects)
        {
            var project = byPosition[projectReview.Index];
            project.Score = projectReview.Score;
            project.FindingCount = projectReview.Findings.Count;
            foreach (var finding in projectReview.Findings)
            {
                record.Findings.Add(ToRecord(finding, project));
            }
        }
    }

    private static FindingRecord ToRecord(Finding finding, ProjectRecord? project)
    {
        var record = new FindingRecord
        {
            Code = finding.Code, Severity = finding.Severity.JsonName(), Message = finding.Message, IndicatorSeq = finding.IndicatorSeq,
        };
        record.Project = project;
        return record;
    }

    /// <summary>The domain document of a record loaded with its unit, projects, indicators and summary.</summary>
    public static TargetDocument ToDomain(DocumentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var unit = Enum.Parse<AmountUnit>(record.AmountUnit);
        var document = new TargetDocument(record.Title, new BudgetUnit(record.Unit?.Name ?? ""), unit,
            new DocumentSource(record.FileName, Enum.Parse<SourceFormat>(record.SourceFormat)))
        {
            Kind = DocumentKindNames.Parse(record.Kind) ?? DocumentKind.Summary,
            Year = record.Year,
            StoredId = record.Id == 0 ? null : record.Id,
        };
        foreach (var task in FormData.TasksOf(record.TasksJson))
        {
            document.AddTask(task);
        }

        foreach (var allocation in FormData.AllocationsOf(record.AllocationsJson))
        {
            document.AddAllocation(allocation);
        }
        if (record.SummaryName is not null)
        {
            document.SetSummary(new SummaryRow(record.SummaryName,
                new Funding(Fen(record.SummaryTotalFen), Fen(record.SummaryFiscalFen), Fen(record.SummarySpecialFen), Fen(record.SummaryOtherFen)),
                new SourceLocation(record.SummaryLine)));
        }

        foreach (var project in record.Projects.OrderBy(p => p.Position))
        {
            document.AddProject(ToDomain(project));
        }

        return document;
    }

    /// <summary>The reader's diagnostics stored with a document (loaded with them), in the order read.</summary>
    public static IReadOnlyList<Diagnostic> DiagnosticsOf(DocumentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Diagnostics.OrderBy(d => d.Id).Select(d => new Diagnostic(
            d.Code, Enum.Parse<Severity>(d.Severity, ignoreCase: true), d.Message, new SourceLocation(d.Line, d.Column, d.Cell)))];
    }

    /// <summary>The domain project of a record loaded with its indicators.</summary>
    public static Project ToDomain(ProjectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var project = new Project(record.Name, new Funding(Fen(record.TotalFen), Fen(record.FiscalFen), Fen(record.SpecialFen), Fen(record.OtherFen)),
            record.Goal, new SourceLocation(record.Line));
        project.StoredId = record.Id == 0 ? null : record.Id;
        project.ChangeAttributes(new ProjectAttributes(record.Department, record.DepartmentCode, record.ImplementingUnit, record.Category, record.Period, record.LongTermGoal));
        project.ChangeExecution(FormData.ExecutionOf(record.ExecutionJson));
        foreach (var indicator in record.Indicators.OrderBy(i => i.Position))
        {
            var domain = Indicator.Create(indicator.Seq, Level1Of(indicator.Level1),
                indicator.WrittenLevel2 is null ? null : Level2Of(indicator.WrittenLevel2),
                indicator.Name, indicator.TargetText, new SourceLocation(indicator.Line)).Explain(indicator.Explanation, indicator.Standard)
                .Evaluate(FormData.EvaluationOf(indicator.EvaluationJson)).ForRegions(FormData.RegionsOf(indicator.RegionsJson));
            domain.StoredId = indicator.Id == 0 ? null : indicator.Id;
            project.AddIndicator(domain);
        }

        return project;
    }

    /// <summary>The stored name of a document kind.</summary>
    public static string KindName(DocumentKind kind) => kind.JsonName();

    private static Level1 Level1Of(string stored) =>
        LevelNames.TryParseLevel1(stored, out var level) ? level : throw new InvalidDataException($"Stored level 1 '{stored}' is unknown.");

    private static Level2 Level2Of(string stored) =>
        LevelNames.TryParseLevel2(stored, out var level) ? level : throw new InvalidDataException($"Stored level 2 '{stored}' is unknown.");

    private static Money? Fen(long? fen) => fen is null ? null : new Money(fen.Value);
}
