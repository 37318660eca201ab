namespace Jixiao.Web.Security;

/// <summary>
/// The workflow table of the domain (<see cref="WorkflowTable"/>) as it applies to accounts: which roles
/// act for which party under each review chain. Seeing a table at all is a matter of the unit tree.
/// </summary>
public static class WorkflowRules
{
    /// <summary>The party a role acts for under <paramref name="chain"/>; null for a role that acts for neither.</summary>
    public static WorkParty? PartyOf(string? role, ReviewChain chain = ReviewChain.OneStage) => role switch
    {
        JixiaoRoles.UnitOfficer or JixiaoRoles.Administrator => WorkParty.Filler,
        JixiaoRoles.DepartmentReviewer => WorkParty.Reviewer,
        JixiaoRoles.FinanceReviewer => chain == ReviewChain.TwoStage ? WorkParty.Finance : WorkParty.Reviewer,
        _ => null,
    };

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> in <paramref name="state"/> under <paramref name="chain"/>.</summary>
    public static bool Allows(string? role, WorkState state, WorkAction action, ReviewChain chain = ReviewChain.OneStage) =>
        PartyOf(role, chain) is { } party && WorkflowTable.For(chain).Allows(party, state, action);

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> in some state, under either chain.</summary>
    public static bool RoleMay(string? role, WorkAction action) =>
        Enum.GetValues<ReviewChain>().Any(chain => PartyOf(role, chain) is { } party && WorkflowTable.For(chain).PartyMay(party, action));

    /// <summary>The states in which tables wait for <paramref name="role"/>'s decision under <paramref name="chain"/>.</summary>
    public static IReadOnlyList<WorkState> AwaitingDecision(string? role, ReviewChain chain) =>
        PartyOf(role, chain) is { } party ? WorkflowTable.For(chain).AwaitingDecisionBy(party) : [];

    /// <summary>The refusal for an action the state or role does not allow, in Chinese.</summary>
    public static string Refusal(string? role, WorkState state, WorkAction action, ReviewChain chain = ReviewChain.OneStage) =>
        !RoleMay(role, action)
            ? $"{(role is null ? "未登录用户" : JixiaoRoles.Chinese(role))}不能{action.Chinese()}。"
            : chain == ReviewChain.TwoStage && state == WorkState.Submitted && role == JixiaoRoles.FinanceReviewer
                ? "该表须先经主管部门审核通过，再由财政批复。"
                : chain == ReviewChain.TwoStage && state == WorkState.Endorsed && role == JixiaoRoles.DepartmentReviewer
                    ? "主管部门已审核通过该表，现由财政审核。"
                    : $"该表当前为「{state.Chinese()}」，不能{action.Chinese()}。";

    /// <summary>The table of <paramref name="chain"/> as Markdown with the roles of each party, for <c>docs/workflow.md</c>.</summary>
    public static string Markdown(ReviewChain chain = ReviewChain.OneStage) =>
        WorkflowTable.For(chain).Markdown(party => string.Join("、", JixiaoRoles.All.Where(role => PartyOf(role, chain) == party).Select(JixiaoRoles.Chinese)));
}
