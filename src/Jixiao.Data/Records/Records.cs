using Jixiao.Domain.Workflow;

namespace Jixiao.Data.Records;

/// <summary>A stored 预算单位.</summary>
public sealed class UnitRecord
{
    public int Id { get; set; }

    /// <summary>单位名称 as printed (or the region's or department's name).</summary>
    public required string Name { get; set; }

    /// <summary><c>region</c>, <c>department</c> or <c>unit</c>: the tree is region → department → unit.</summary>
    public string Kind { get; set; } = UnitKinds.Unit;

    /// <summary>The department of a unit, the region of a department; null at the top.</summary>
    public int? ParentId { get; set; }

    public UnitRecord? Parent { get; set; }

    public List<DocumentRecord> Documents { get; set; } = [];
}

/// <summary>A stored table: header lines, summary row, review totals.</summary>
public sealed class DocumentRecord
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public UnitRecord? Unit { get; set; }

    public required string Title { get; set; }

    /// <summary>The budget year from the title or file name, null when neither has one.</summary>
    public int? Year { get; set; }

    /// <summary><c>WanYuan</c> or <c>Yuan</c>.</summary>
    public required string AmountUnit { get; set; }

    public required string FileName { get; set; }

    /// <summary><c>Text</c>, <c>Csv</c> or <c>Xlsx</c>.</summary>
    public required string SourceFormat { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? SummaryName { get; set; }

    public long? SummaryTotalFen { get; set; }

    public long? SummaryFiscalFen { get; set; }

    public long? SummarySpecialFen { get; set; }

    public long? SummaryOtherFen { get; set; }

    public int? SummaryLine { get; set; }

    /// <summary>Quality score of the last review, 0–100.</summary>
    public decimal Score { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public int InfoCount { get; set; }

    /// <summary>The fingerprint of the rules the stored review was made by; a table reviewed by other rules is reviewed again at start.</summary>
    public string? RulesDigest { get; set; }

    /// <summary>The importer's account and the <c>Idempotency-Key</c> the upload carried (<c>userId:key</c>), so that a retried upload is stored once; null without one.</summary>
    public string? ImportKey { get; set; }

    /// <summary>Workflow state: <c>draft</c>, <c>submitted</c>, <c>returned</c> or <c>approved</c>.</summary>
    public WorkState Status { get; set; } = WorkState.Draft;

    /// <summary>1 for the table as first approved; each 调整 adds one.</summary>
    public int VersionNumber { get; set; } = 1;

    /// <summary>The form it was read from: <c>summary</c> or <c>projectForms</c>.</summary>
    public string Kind { get; set; } = "summary";

    /// <summary>A department-wide form's task list, as JSON (<see cref="FormData"/>); null for other forms.</summary>
    public string? TasksJson { get; set; }

    /// <summary>A transfer form's allocation by region, as JSON (<see cref="FormData"/>); null for other forms.</summary>
    public string? AllocationsJson { get; set; }

    public List<ProjectRecord> Projects { get; set; } = [];

    public List<FindingRecord> Findings { get; set; } = [];

    public List<DiagnosticRecord> Diagnostics { get; set; } = [];
}

/// <summary>The three kinds of node in the unit tree.</summary>
public static class UnitKinds
{
    public const string Region = "region";

    public const string Department = "department";

    public const string Unit = "unit";
}

/// <summary>A stored project row. <see cref="Version"/> is the optimistic concurrency token (ETag).</summary>
public sealed class ProjectRecord
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public DocumentRecord? Document { get; set; }

    /// <summary>0-based position in the document.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    public long? TotalFen { get; set; }

    public long? FiscalFen { get; set; }

    public long? SpecialFen { get; set; }

    public long? OtherFen { get; set; }

    public required string Goal { get; set; }

    /// <summary>主管部门 from a per-project form, <c>""</c> when none.</summary>
    public string Department { get; set; } = "";

    /// <summary>The 主管部门's code, <c>""</c> when none.</summary>
    public string DepartmentCode { get; set; } = "";

    /// <summary>实施单位, <c>""</c> when none.</summary>
    public string ImplementingUnit { get; set; } = "";

    /// <summary>项目属性, <c>""</c> when none.</summary>
    public string Category { get; set; } = "";

    /// <summary>项目期 as written, <c>""</c> when none.</summary>
    public string Period { get; set; } = "";

    /// <summary>中长期目标, <c>""</c> when none.</summary>
    public string LongTermGoal { get; set; } = "";

    /// <summary>A self-evaluation form's funding execution and declared scores, as JSON (<see cref="FormData"/>); null for a target form.</summary>
    public string? ExecutionJson { get; set; }

    public int? Line { get; set; }

    /// <summary>Quality score of the last review, 0–100.</summary>
    public decimal Score { get; set; }

    public int FindingCount { get; set; }

    public int Version { get; set; }

    public List<IndicatorRecord> Indicators { get; set; } = [];

    public List<FindingRecord> Findings { get; set; } = [];
}

/// <summary>A stored indicator with its target as written and as parsed.</summary>
public sealed class IndicatorRecord
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public ProjectRecord? Project { get; set; }

    /// <summary>0-based position in the project.</summary>
    public int Position { get; set; }

    public int Seq { get; set; }

    /// <summary>JSON name of the level 1 (<c>output</c>…).</summary>
    public required string Level1 { get; set; }

    /// <summary>JSON name of the level 2 as written in the source, null when it was not.</summary>
    public string? WrittenLevel2 { get; set; }

    /// <summary>指标解释, <c>""</c> when none.</summary>
    public string Explanation { get; set; } = "";

    /// <summary>指标标准或依据, <c>""</c> when none.</summary>
    public string Standard { get; set; } = "";

    /// <summary>What a self-evaluation form reports (实际完成值, 分值, 得分, 偏差原因), as JSON (<see cref="FormData"/>); null otherwise.</summary>
    public string? EvaluationJson { get; set; }

    /// <summary>A transfer form's value per region, as JSON (<see cref="FormData"/>); null otherwise.</summary>
    public string? RegionsJson { get; set; }

    /// <summary>JSON name of the level 2 written or inferred, for filtering.</summary>
    public string? Level2 { get; set; }

    public required string Name { get; set; }

    public required string TargetText { get; set; }

    /// <summary><c>quantitative</c>, <c>qualitative</c> or <c>missing</c>.</summary>
    public required string Kind { get; set; }

    public string? Direction { get; set; }

    public string? Form { get; set; }

    public int? Line { get; set; }

    public List<ClauseRecord> Clauses { get; set; } = [];
}

/// <summary>One parsed clause of a target (kept for search and reporting; the text is the source of truth).</summary>
public sealed class ClauseRecord
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public int Position { get; set; }

    /// <summary><c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>=</c> or <c>~</c>.</summary>
    public required string Comparator { get; set; }

    public decimal Value { get; set; }

    public required string Unit { get; set; }

    public required string Direction { get; set; }

    public string? Period { get; set; }

    public string? Condition { get; set; }
}

/// <summary>A stored review finding.</summary>
public sealed class FindingRecord
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public DocumentRecord? Document { get; set; }

    /// <summary>The project, null for a finding about the unit.</summary>
    public int? ProjectId { get; set; }

    public ProjectRecord? Project { get; set; }

    public int? IndicatorSeq { get; set; }

    public required string Code { get; set; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Severity { get; set; }

    public required string Message { get; set; }
}

/// <summary>A stored reader diagnostic.</summary>
public sealed class DiagnosticRecord
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public required string Code { get; set; }

    public required string Severity { get; set; }

    public required string Message { get; set; }

    public int? Line { get; set; }

    public int? Column { get; set; }

    public string? Cell { get; set; }
}

/// <summary>A project's self-evaluation (绩效自评): year-end money and each indicator's actual, as entered.</summary>
public sealed class SelfEvaluationRecord
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public ProjectRecord? Project { get; set; }

    /// <summary>Workflow state of the report: <c>draft</c>, <c>submitted</c>, <c>returned</c> or <c>approved</c>.</summary>
    public WorkState Status { get; set; } = WorkState.Draft;

    /// <summary>全年执行数 in fen, null until entered.</summary>
    public long? ExecutedFen { get; set; }

    /// <summary>全年预算数 in fen, null for the table's 总计.</summary>
    public long? AdjustedFen { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Score of the last save, two decimals.</summary>
    public decimal Score { get; set; }

    /// <summary>优, 良, 中 or 差 of the last save.</summary>
    public required string Grade { get; set; }

    /// <summary>The total score an imported self-evaluation form declared (总分), null when entered here or not given.</summary>
    public decimal? DeclaredScore { get; set; }

    /// <summary>The grade an imported self-evaluation form declared (自评等级), null when entered here or not given.</summary>
    public string? DeclaredGrade { get; set; }

    /// <summary>The execution score an imported form declared (预算执行率的得分), null when not given.</summary>
    public decimal? DeclaredExecutionScore { get; set; }

    /// <summary>The imported document the report came from, null when it was entered on the page.</summary>
    public int? SourceDocumentId { get; set; }

    public List<ActualRecord> Actuals { get; set; } = [];
}

/// <summary>One indicator's actual as entered, by the indicator's sequence number.</summary>
public sealed class ActualRecord
{
    public int Id { get; set; }

    public int SelfEvaluationId { get; set; }

    public int Seq { get; set; }

    /// <summary>As written: <c>92%</c>, <c>120人</c>, <c>达成</c>…</summary>
    public required string Actual { get; set; }

    /// <summary>The percentage inside a qualitative band, as written; <c>""</c> for none.</summary>
    public required string Percent { get; set; }

    public required string Note { get; set; }

    /// <summary>分值 an imported self-evaluation form gave the indicator, null when not given.</summary>
    public decimal? DeclaredPoints { get; set; }

    /// <summary>得分 an imported self-evaluation form declared for the indicator, null when not given.</summary>
    public decimal? DeclaredScore { get; set; }
}

/// <summary>A project's monitoring report (绩效运行监控) for the window 1~Month月.</summary>
public sealed class MonitoringReportRecord
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public ProjectRecord? Project { get; set; }

    /// <summary>The last month of the cumulative window, 1–12.</summary>
    public int Month { get; set; }

    /// <summary>Workflow state of the report: <c>draft</c>, <c>submitted</c>, <c>returned</c> or <c>approved</c>.</summary>
    public WorkState Status { get; set; } = WorkState.Draft;

    public long? ExecutedFen { get; set; }

    public long? ProjectedFen { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>green, yellow or red at the last save.</summary>
    public required string Light { get; set; }

    /// <summary>Execution rate so far at the last save, null when it could not be computed.</summary>
    public decimal? ExecutionRate { get; set; }

    public List<ProgressRecord> Progress { get; set; } = [];
}

/// <summary>One indicator's progress as entered, by the indicator's sequence number.</summary>
public sealed class ProgressRecord
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int Seq { get; set; }

    public required string SoFar { get; set; }

    public required string Projected { get; set; }

    /// <summary>经费保障, 制度保障, 人员保障, 硬件保障, 其他, or <c>""</c>.</summary>
    public required string Cause { get; set; }

    public required string Note { get; set; }

    /// <summary>确定能, 有可能, 完全不可能, or <c>""</c>.</summary>
    public required string Likelihood { get; set; }
}

/// <summary>The search terms of one project (<see cref="SearchTerms"/>), indexed by each database's full-text means.</summary>
public sealed class ProjectTermsRecord
{
    public int ProjectId { get; set; }

    public required string Terms { get; set; }
}
