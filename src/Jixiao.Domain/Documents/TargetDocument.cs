using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Amounts;

namespace Jixiao.Domain.Documents;

/// <summary>预算单位: the public body a table belongs to.</summary>
/// <param name="Name">单位名称 as printed.</param>
public sealed record BudgetUnit(string Name);

/// <summary>The form a document was read from.</summary>
public enum SourceFormat
{
    /// <summary>Tab-separated text, as extracted from the published PDF.</summary>
    Text,

    /// <summary>Comma-separated values.</summary>
    Csv,

    /// <summary>An Excel workbook (first sheet).</summary>
    Xlsx,

    /// <summary>The JSON this system exports.</summary>
    Json,

    /// <summary>A Word document (.docx): its tables and paragraphs.</summary>
    Docx,

    /// <summary>A saved web page (.html, .htm): its tables and text.</summary>
    Html,

    /// <summary>An Excel 97–2003 workbook (.xls).</summary>
    Xls,

    /// <summary>The text layer of a PDF.</summary>
    Pdf,
}

/// <summary>Which form a document was read from (layouts of 项目支出绩效目标表 and their kin).</summary>
public enum DocumentKind
{
    /// <summary>The published summary table: one row per project, all indicators in one cell.</summary>
    Summary,

    /// <summary>Per-project target forms (申报表, 目标表, 批复表): one form per project.</summary>
    ProjectForms,

    /// <summary>A department-wide target form (部门（单位）整体支出绩效目标表): the unit's whole spending as one entry, with its task list.</summary>
    DepartmentWide,

    /// <summary>Self-evaluation forms (项目支出绩效自评表, and the department-wide one): targets with the year's actuals and scores.</summary>
    SelfEvaluation,

    /// <summary>A transfer-payment target form (转移支付（区域）绩效目标表): targets with values per region.</summary>
    Transfer,

    /// <summary>Targets written as numbered prose (一、产出指标 (一)数量指标 …).</summary>
    Prose,
}

/// <summary>
/// The year's money as a self-evaluation form reports it (年初预算数, 全年预算数, 全年执行数, 执行率) with the
/// points and the score it declares for execution, and its declared total and grade; null where not given.
/// </summary>
/// <param name="InitialBudget">年初预算数.</param>
/// <param name="AdjustedBudget">全年预算数 (调整后预算数).</param>
/// <param name="Executed">全年执行数.</param>
/// <param name="Rate">执行率 as declared, a fraction (0.95 for 95%).</param>
/// <param name="Points">The execution's 分值.</param>
/// <param name="Score">The execution's 得分 as declared.</param>
/// <param name="GoalOutcome">实际完成情况 of the 年度总体目标.</param>
/// <param name="TotalScore">总分 as declared.</param>
/// <param name="Grade">自评等级 as declared (优, 良…), <c>""</c> when not given.</param>
public sealed record ProjectExecution(Money? InitialBudget, Money? AdjustedBudget, Money? Executed, decimal? Rate, decimal? Points, decimal? Score,
    string GoalOutcome, decimal? TotalScore, string Grade);

/// <summary>One line of a department-wide form's task list (年度主要任务).</summary>
/// <param name="Function">部门职能 / 任务名称.</param>
/// <param name="Task">年度目标任务 / 主要内容.</param>
/// <param name="Projects">支出项目名称, as written.</param>
/// <param name="Amount">预算金额, null when not given.</param>
public sealed record DepartmentTask(string Function, string Task, string Projects, Money? Amount);

/// <summary>One region's share of a transfer payment (the allocation table before the target grid).</summary>
/// <param name="Region">The region or unit.</param>
/// <param name="Amount">Its 合计, null when not given.</param>
public sealed record RegionAllocation(string Region, Money? Amount);

/// <summary>
/// What a per-project form says about a project beyond name, money and goal; every field <c>""</c> when
/// the form does not say it.
/// </summary>
/// <param name="Department">主管部门 (name only).</param>
/// <param name="DepartmentCode">The 主管部门's code (<c>015001</c> of <c>[015001]某区教育局</c>).</param>
/// <param name="ImplementingUnit">实施单位.</param>
/// <param name="Category">项目属性 (新增项目, 延续项目, 经常性项目…), the option ticked when the form shows check boxes.</param>
/// <param name="Period">项目期 as written (<c>2024年1月-2024年12月</c>).</param>
/// <param name="LongTermGoal">中长期目标 / 实施期目标.</param>
public sealed record ProjectAttributes(string Department, string DepartmentCode, string ImplementingUnit, string Category, string Period, string LongTermGoal)
{
    /// <summary>No attribute known.</summary>
    public static ProjectAttributes None { get; } = new("", "", "", "", "", "");

    /// <summary>True when no attribute is known.</summary>
    public bool IsEmpty => this == None;
}

/// <summary>Where a document came from.</summary>
/// <param name="FileName">The file name (no directory).</param>
/// <param name="Format">The format it was read as.</param>
public sealed record DocumentSource(string FileName, SourceFormat Format);

/// <summary>The unit's summary row: its name and the totals per source.</summary>
/// <param name="Name">The name in the first column (usually the unit name).</param>
/// <param name="Funding">The amounts.</param>
/// <param name="Location">Where the row was read from.</param>
public sealed record SummaryRow(string Name, Funding Funding, SourceLocation Location);

/// <summary>One project row: name, funding, 绩效目标 and its indicators.</summary>
public sealed class Project
{
    private readonly List<Indicator> _indicators = [];

    /// <summary>Creates a project without indicators.</summary>
    public Project(string name, Funding funding, string goal, SourceLocation location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(funding);
        ArgumentNullException.ThrowIfNull(goal);
        Name = name;
        Funding = funding;
        Goal = goal;
        Location = location;
    }

    /// <summary>项目名称（资金使用单位）.</summary>
    public string Name { get; }

    /// <summary>The id under which the project is stored; null for one read from a file and not stored.</summary>
    public int? StoredId { get; set; }

    /// <summary>The four amounts.</summary>
    public Funding Funding { get; private set; }

    /// <summary>绩效目标 text, <c>""</c> when blank.</summary>
    public string Goal { get; private set; }

    /// <summary>Where the row was read from.</summary>
    public SourceLocation Location { get; }

    /// <summary>The indicators in the order written.</summary>
    public IReadOnlyList<Indicator> Indicators => _indicators;

    /// <summary>What a per-project form says besides name, money and goal; <see cref="ProjectAttributes.None"/> for a summary row.</summary>
    public ProjectAttributes Attributes { get; private set; } = ProjectAttributes.None;

    /// <summary>The year's money and declared scores of a self-evaluation form; null for a target form.</summary>
    public ProjectExecution? Execution { get; private set; }

    /// <summary>Sets what a self-evaluation form reports of the year's money and scores.</summary>
    public void ChangeExecution(ProjectExecution? execution) => Execution = execution;

    /// <summary>Replaces the attributes.</summary>
    public void ChangeAttributes(ProjectAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        Attributes = attributes;
    }

    /// <summary>Appends an indicator.</summary>
    public void AddIndicator(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        _indicators.Add(indicator);
    }

    /// <summary>Replaces the amounts.</summary>
    public void ChangeFunding(Funding funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        Funding = funding;
    }

    /// <summary>Replaces the goal text.</summary>
    public void ChangeGoal(string goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        Goal = goal;
    }
}

/// <summary>A 项目支出绩效目标表: header lines, the unit's summary row and the project rows.</summary>
public sealed class TargetDocument
{
    private readonly List<Project> _projects = [];
    private readonly List<DepartmentTask> _tasks = [];
    private readonly List<RegionAllocation> _allocations = [];

    /// <summary>Creates an empty document.</summary>
    public TargetDocument(string title, BudgetUnit unit, AmountUnit amountUnit, DocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(source);
        Title = title;
        Unit = unit;
        AmountUnit = amountUnit;
        Source = source;
    }

    /// <summary>The title line, <c>""</c> when the table had none.</summary>
    public string Title { get; }

    /// <summary>The id under which the table is stored; null for one read from a file and not stored.</summary>
    public int? StoredId { get; set; }

    /// <summary>The unit the table belongs to.</summary>
    public BudgetUnit Unit { get; private set; }

    /// <summary>The unit amounts are printed in.</summary>
    public AmountUnit AmountUnit { get; }

    /// <summary>The form the document was read from (<see cref="DocumentKind.Summary"/> unless told).</summary>
    public DocumentKind Kind { get; init; }

    /// <summary>Where the document was read from.</summary>
    public DocumentSource Source { get; }

    /// <summary>The unit's summary row, null when the table has none.</summary>
    public SummaryRow? Summary { get; private set; }

    /// <summary>The project rows in table order.</summary>
    public IReadOnlyList<Project> Projects => _projects;

    /// <summary>A department-wide form's task list (年度主要任务), in order; empty for other forms.</summary>
    public IReadOnlyList<DepartmentTask> Tasks => _tasks;

    /// <summary>A transfer-payment form's allocation by region, in order; empty for other forms.</summary>
    public IReadOnlyList<RegionAllocation> Allocations => _allocations;

    /// <summary>The budget year the document is for, when known (from its title or as the user gave it).</summary>
    public int? Year { get; set; }

    /// <summary>Appends a line of the task list.</summary>
    public void AddTask(DepartmentTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _tasks.Add(task);
    }

    /// <summary>Appends a region's allocation.</summary>
    public void AddAllocation(RegionAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        _allocations.Add(allocation);
    }

    /// <summary>The number of indicators over all projects.</summary>
    public int IndicatorCount => _projects.Sum(p => p.Indicators.Count);

    /// <summary>Sets the summary row.</summary>
    public void SetSummary(SummaryRow summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Summary = summary;
    }

    /// <summary>Replaces the unit (when the name is only known from the summary row).</summary>
    public void ChangeUnit(BudgetUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Unit = unit;
    }

    /// <summary>Appends a project.</summary>
    public void AddProject(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        _projects.Add(project);
    }

    /// <summary>Lets go of the projects (handed elsewhere, as a reader that streams them does), keeping the rest.</summary>
    public void RemoveProjects() => _projects.Clear();
}
