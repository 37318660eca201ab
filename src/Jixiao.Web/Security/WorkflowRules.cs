using Jixiao.Data;

namespace Jixiao.Web.Security;

/// <summary>The states a document-year or a report goes through.</summary>
public static class WorkState
{
    public const string Draft = "draft";

    public const string Submitted = "submitted";

    public const string Returned = "returned";

    public const string Approved = "approved";

    /// <summary>Not a state a table is in: what the table below says a deletion leads to.</summary>
    public const string Deleted = "deleted";

    public static IReadOnlyList<string> All { get; } = [Draft, Submitted, Returned, Approved];

    public static string Chinese(string state) => state switch
    {
        Draft => "草稿",
        Submitted => "已送审",
        Returned => "已退回",
        Approved => "已批复",
        Deleted => "（已删除）",
        _ => state,
    };
}

/// <summary>What can be done to a document or report.</summary>
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
}

/// <summary>
/// Who may do what in which state: the one table the server checks and the documentation prints
/// (<c>docs/workflow.md</c>, kept in step by a test). Seeing a table at all is a matter of the unit tree.
/// </summary>
public static class WorkflowRules
{
    private static readonly string[] Fillers = [JixiaoRoles.UnitOfficer, JixiaoRoles.Administrator];

    private static readonly string[] Reviewers = [JixiaoRoles.DepartmentReviewer, JixiaoRoles.FinanceReviewer];

    /// <summary>Each row: in this state, this action, by these roles, leads to that state.</summary>
    public static IReadOnlyList<(string State, WorkAction Action, string[] Roles, string Next)> Table { get; } =
    [
        (WorkState.Draft, WorkAction.Edit, Fillers, WorkState.Draft),
        (WorkState.Draft, WorkAction.Submit, Fillers, WorkState.Submitted),
        (WorkState.Draft, WorkAction.Delete, Fillers, WorkState.Deleted),
        (WorkState.Submitted, WorkAction.Return, Reviewers, WorkState.Returned),
        (WorkState.Submitted, WorkAction.Approve, Reviewers, WorkState.Approved),
        (WorkState.Returned, WorkAction.Edit, Fillers, WorkState.Returned),
        (WorkState.Returned, WorkAction.Submit, Fillers, WorkState.Submitted),
        (WorkState.Returned, WorkAction.Delete, Fillers, WorkState.Deleted),
        (WorkState.Approved, WorkAction.Adjust, Fillers, WorkState.Draft),
    ];

    /// <summary>Actions that apply to monitoring and self-evaluation reports (no 调整 or 删除: a report is reopened by returning it).</summary>
    public static IReadOnlyList<WorkAction> ReportActions { get; } = [WorkAction.Edit, WorkAction.Submit, WorkAction.Return, WorkAction.Approve];

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> in <paramref name="state"/>.</summary>
    public static bool Allows(string? role, string state, WorkAction action) =>
        role is not null && Table.Any(row => row.State == state && row.Action == action && row.Roles.Contains(role));

    /// <summary>The state after <paramref name="action"/> in <paramref name="state"/>.</summary>
    public static string Next(string state, WorkAction action) =>
        Table.First(row => row.State == state && row.Action == action).Next;

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> in some state.</summary>
    public static bool RoleMay(string? role, WorkAction action) =>
        role is not null && Table.Any(row => row.Action == action && row.Roles.Contains(role));

    public static string Chinese(WorkAction action) => action switch
    {
        WorkAction.Edit => "修改",
        WorkAction.Submit => "送审",
        WorkAction.Return => "退回",
        WorkAction.Approve => "批复",
        WorkAction.Adjust => "调整",
        WorkAction.Delete => "删除",
        _ => action.ToString(),
    };

    /// <summary>The refusal for an action the state or role does not allow, in Chinese.</summary>
    public static string Refusal(string? role, string state, WorkAction action) =>
        !RoleMay(role, action)
            ? $"{(role is null ? "未登录用户" : JixiaoRoles.Chinese(role))}不能{Chinese(action)}。"
            : $"该表当前为「{WorkState.Chinese(state)}」，不能{Chinese(action)}。";

    /// <summary>The table as Markdown, for <c>docs/workflow.md</c>.</summary>
    public static string Markdown()
    {
        var lines = new List<string>
        {
            "| 状态 | 操作 | 可操作的角色 | 之后的状态 |",
            "|---|---|---|---|",
        };
        lines.AddRange(Table.Select(row =>
            $"| {WorkState.Chinese(row.State)} | {Chinese(row.Action)} | {string.Join("、", row.Roles.Select(JixiaoRoles.Chinese))} | {WorkState.Chinese(row.Next)} |"));
        return string.Join('\n', lines) + '\n';
    }
}
