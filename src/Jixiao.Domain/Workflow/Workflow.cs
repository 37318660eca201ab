namespace Jixiao.Domain.Workflow;

/// <summary>The states a table (document-year) or a report goes through.</summary>
public enum WorkState
{
    /// <summary>草稿.</summary>
    Draft,

    /// <summary>已送审.</summary>
    Submitted,

    /// <summary>已退回.</summary>
    Returned,

    /// <summary>已批复.</summary>
    Approved,

    /// <summary>主管部门已审核: with two review stages, passed by the supervising department and awaiting the finance bureau.</summary>
    Endorsed,

    /// <summary>Not a state a table is in: what the table says a deletion leads to.</summary>
    Deleted,
}

/// <summary>What can be done to a table or report.</summary>
public enum WorkAction
{
    /// <summary>修改: the targets, or a report's figures.</summary>
    Edit,

    /// <summary>送审.</summary>
    Submit,

    /// <summary>退回, with comments.</summary>
    Return,

    /// <summary>批复.</summary>
    Approve,

    /// <summary>调整: reopens an approved table as a new version.</summary>
    Adjust,

    /// <summary>删除 a table that was never approved.</summary>
    Delete,

    /// <summary>撤回: the filler takes a table back from review before a reviewer has decided, as a draft again.</summary>
    Withdraw,
}

/// <summary>The sides of the workflow; which accounts act for which side is the web application's affair.</summary>
public enum WorkParty
{
    /// <summary>填报方: the unit that writes the targets and reports.</summary>
    Filler,

    /// <summary>审核方: any reviewer with one review stage; the supervising department (the first stage) with two.</summary>
    Reviewer,

    /// <summary>财政: the second review stage, with two.</summary>
    Finance,
}

/// <summary>How many review stages a table goes through.</summary>
public enum ReviewChain
{
    /// <summary>One stage: any reviewer of the unit decides.</summary>
    OneStage,

    /// <summary>主管部门 → 财政: the supervising department passes the table on, the finance bureau approves it.</summary>
    TwoStage,
}

/// <summary>One row of the workflow: in <paramref name="State"/>, <paramref name="Action"/> by <paramref name="Party"/> leads to <paramref name="Next"/>.</summary>
public sealed record WorkStep(WorkState State, WorkAction Action, WorkParty Party, WorkState Next);

/// <summary>
/// Who may do what in which state, for one review chain: the one table the server checks and the
/// documentation prints (<c>docs/workflow.md</c>, generated from it).
/// </summary>
public sealed class WorkflowTable
{
    private static readonly WorkStep[] Common =
    [
        new(WorkState.Draft, WorkAction.Edit, WorkParty.Filler, WorkState.Draft),
        new(WorkState.Draft, WorkAction.Submit, WorkParty.Filler, WorkState.Submitted),
        new(WorkState.Draft, WorkAction.Delete, WorkParty.Filler, WorkState.Deleted),
        new(WorkState.Submitted, WorkAction.Withdraw, WorkParty.Filler, WorkState.Draft),
        new(WorkState.Submitted, WorkAction.Return, WorkParty.Reviewer, WorkState.Returned),
    ];

    private static readonly WorkStep[] Refilling =
    [
        new(WorkState.Returned, WorkAction.Edit, WorkParty.Filler, WorkState.Returned),
        new(WorkState.Returned, WorkAction.Submit, WorkParty.Filler, WorkState.Submitted),
        new(WorkState.Returned, WorkAction.Delete, WorkParty.Filler, WorkState.Deleted),
        new(WorkState.Approved, WorkAction.Adjust, WorkParty.Filler, WorkState.Draft),
    ];

    /// <summary>One stage: a reviewer approves a submitted table.</summary>
    public static WorkflowTable OneStage { get; } = new(ReviewChain.OneStage,
        [.. Common, new(WorkState.Submitted, WorkAction.Approve, WorkParty.Reviewer, WorkState.Approved), .. Refilling]);

    /// <summary>主管部门 → 财政: the department passes a submitted table on, the finance bureau approves or returns it.</summary>
    public static WorkflowTable TwoStage { get; } = new(ReviewChain.TwoStage,
    [
        .. Common,
        new(WorkState.Submitted, WorkAction.Approve, WorkParty.Reviewer, WorkState.Endorsed),
        new(WorkState.Endorsed, WorkAction.Return, WorkParty.Finance, WorkState.Returned),
        new(WorkState.Endorsed, WorkAction.Approve, WorkParty.Finance, WorkState.Approved),
        .. Refilling,
    ]);

    private WorkflowTable(ReviewChain chain, IReadOnlyList<WorkStep> steps)
    {
        Chain = chain;
        Steps = steps;
    }

    /// <summary>The table of <paramref name="chain"/>.</summary>
    public static WorkflowTable For(ReviewChain chain) => chain switch
    {
        ReviewChain.OneStage => OneStage,
        ReviewChain.TwoStage => TwoStage,
    };

    /// <summary>The chain this table is for.</summary>
    public ReviewChain Chain { get; }

    /// <summary>Each row: in this state, this action, by this party, leads to that state.</summary>
    public IReadOnlyList<WorkStep> Steps { get; }

    /// <summary>The states a stored table or report can be in.</summary>
    public static IReadOnlyList<WorkState> Stored { get; } = [WorkState.Draft, WorkState.Submitted, WorkState.Endorsed, WorkState.Returned, WorkState.Approved];

    /// <summary>Actions that apply to monitoring and self-evaluation reports (no 调整 or 删除: a report is reopened by returning it). Reports take one review stage.</summary>
    public static IReadOnlyList<WorkAction> ReportActions { get; } = [WorkAction.Edit, WorkAction.Submit, WorkAction.Return, WorkAction.Approve];

    /// <summary>True when <paramref name="party"/> may do <paramref name="action"/> in <paramref name="state"/>.</summary>
    public bool Allows(WorkParty party, WorkState state, WorkAction action) =>
        Steps.Any(step => step.State == state && step.Action == action && step.Party == party);

    /// <summary>The state after <paramref name="action"/> in <paramref name="state"/>.</summary>
    /// <exception cref="InvalidOperationException">The table has no such step.</exception>
    public WorkState Next(WorkState state, WorkAction action) =>
        Steps.FirstOrDefault(step => step.State == state && step.Action == action)?.Next
            ?? throw new InvalidOperationException($"No workflow step for {action} in {state}.");

    /// <summary>True when <paramref name="party"/> may do <paramref name="action"/> in some state.</summary>
    public bool PartyMay(WorkParty party, WorkAction action) => Steps.Any(step => step.Action == action && step.Party == party);

    /// <summary>The states in which a table waits for <paramref name="party"/>'s decision.</summary>
    public IReadOnlyList<WorkState> AwaitingDecisionBy(WorkParty party) =>
        [.. Steps.Where(step => step.Party == party && step.Action == WorkAction.Approve).Select(step => step.State).Distinct()];

    /// <summary>What <paramref name="action"/> is called in <paramref name="state"/>: a first stage's approval is 审核通过, passing the table on.</summary>
    public string ActionName(WorkState state, WorkAction action) =>
        action == WorkAction.Approve && Steps.Any(step => step.State == state && step.Action == action && step.Next == WorkState.Endorsed)
            ? "审核通过"
            : action.Chinese();

    /// <summary>The table as Markdown, naming each party by <paramref name="whoActs"/>.</summary>
    public string Markdown(Func<WorkParty, string> whoActs)
    {
        ArgumentNullException.ThrowIfNull(whoActs);
        var lines = new List<string>
        {
            "| 状态 | 操作 | 可操作的角色 | 之后的状态 |",
            "|---|---|---|---|",
        };
        lines.AddRange(Steps.Select(step => $"| {step.State.Chinese()} | {ActionName(step.State, step.Action)} | {whoActs(step.Party)} | {step.Next.Chinese()} |"));
        return string.Join('\n', lines) + '\n';
    }

    /// <summary>The state of its stored name; null for a name that is none.</summary>
    public static WorkState? ParseState(string? name) =>
        Enum.GetValues<WorkState>().Select(s => (WorkState?)s).FirstOrDefault(s => s!.Value.JsonName() == name);
}

/// <summary>The names of states and actions, on pages and in JSON.</summary>
public static class WorkNames
{
    /// <summary>The state's name on pages.</summary>
    public static string Chinese(this WorkState state) => state switch
    {
        WorkState.Draft => "草稿",
        WorkState.Submitted => "已送审",
        WorkState.Returned => "已退回",
        WorkState.Approved => "已批复",
        WorkState.Endorsed => "主管部门已审核",
        WorkState.Deleted => "（已删除）",
    };

    /// <summary>The action's name on pages.</summary>
    public static string Chinese(this WorkAction action) => action switch
    {
        WorkAction.Edit => "修改",
        WorkAction.Submit => "送审",
        WorkAction.Return => "退回",
        WorkAction.Approve => "批复",
        WorkAction.Adjust => "调整",
        WorkAction.Delete => "删除",
        WorkAction.Withdraw => "撤回",
    };

    /// <summary>The state as stored and in JSON: <c>draft</c>, <c>submitted</c>, <c>returned</c>, <c>approved</c>.</summary>
    public static string JsonName(this WorkState state) => state switch
    {
        WorkState.Draft => "draft",
        WorkState.Submitted => "submitted",
        WorkState.Returned => "returned",
        WorkState.Approved => "approved",
        WorkState.Endorsed => "endorsed",
        WorkState.Deleted => "deleted",
    };
}
