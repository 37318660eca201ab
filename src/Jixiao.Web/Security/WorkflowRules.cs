namespace Jixiao.Web.Security;

/// <summary>
/// The workflow table of the domain (<see cref="WorkflowTable"/>) as it applies to accounts: which roles
/// act for which party. Seeing a table at all is a matter of the unit tree.
/// </summary>
public static class WorkflowRules
{
    /// <summary>The party a role acts for; null for a role that acts for neither.</summary>
    public static WorkParty? PartyOf(string? role) => role switch
    {
        JixiaoRoles.UnitOfficer or JixiaoRoles.Administrator => WorkParty.Filler,
        JixiaoRoles.DepartmentReviewer or JixiaoRoles.FinanceReviewer => WorkParty.Reviewer,
        _ => null,
    };

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> in <paramref name="state"/>.</summary>
    public static bool Allows(string? role, WorkState state, WorkAction action) =>
        PartyOf(role) is { } party && WorkflowTable.Allows(party, state, action);

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> in some state.</summary>
    public static bool RoleMay(string? role, WorkAction action) =>
        PartyOf(role) is { } party && WorkflowTable.PartyMay(party, action);

    /// <summary>The refusal for an action the state or role does not allow, in Chinese.</summary>
    public static string Refusal(string? role, WorkState state, WorkAction action) =>
        !RoleMay(role, action)
            ? $"{(role is null ? "未登录用户" : JixiaoRoles.Chinese(role))}不能{action.Chinese()}。"
            : $"该表当前为「{state.Chinese()}」，不能{action.Chinese()}。";

    /// <summary>The table as Markdown with the roles of each party, for <c>docs/workflow.md</c>.</summary>
    public static string Markdown() =>
        WorkflowTable.Markdown(party => string.Join("、", JixiaoRoles.All.Where(role => PartyOf(role) == party).Select(JixiaoRoles.Chinese)));
}
