using Jixiao.Domain.Amounts;
using Jixiao.Data;
using Jixiao.Import.Tests;
using Jixiao.Domain.Workflow;
using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;

namespace Jixiao.Web.Tests.Security;

/// <summary>The workflow table against expectations written out by hand, and its copy in docs/workflow.md.</summary>
public class WorkflowRulesTests
{
    private const string Begin = "<!-- workflow:begin (generated from WorkflowRules; do not edit by hand) -->\n";
    private const string End = "<!-- workflow:end -->";

    [Theory]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Draft, WorkAction.Edit, true)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Returned, WorkAction.Edit, true)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Submitted, WorkAction.Edit, false)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Approved, WorkAction.Edit, false)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Draft, WorkAction.Submit, true)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Submitted, WorkAction.Approve, false)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Approved, WorkAction.Adjust, true)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Approved, WorkAction.Delete, false)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Submitted, WorkAction.Approve, true)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Submitted, WorkAction.Return, true)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Draft, WorkAction.Approve, false)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Draft, WorkAction.Edit, false)]
    [InlineData(JixiaoRoles.FinanceReviewer, WorkState.Submitted, WorkAction.Approve, true)]
    [InlineData(JixiaoRoles.FinanceReviewer, WorkState.Approved, WorkAction.Adjust, false)]
    [InlineData(JixiaoRoles.Administrator, WorkState.Submitted, WorkAction.Approve, false)]
    [InlineData(JixiaoRoles.Administrator, WorkState.Draft, WorkAction.Edit, true)]
    public void Table_AllowsWhatEachRoleMayDoInEachState(string role, WorkState state, WorkAction action, bool allowed) =>
        Assert.Equal(allowed, WorkflowRules.Allows(role, state, action));

    [Fact]
    public void Table_NobodyNotSignedInMayDoAnything() =>
        Assert.DoesNotContain(WorkflowTable.Stored, state => Enum.GetValues<WorkAction>().Any(action => WorkflowRules.Allows(null, state, action)));

    [Fact]
    public void Transitions_LeadWhereTheWorkflowSays()
    {
        Assert.Equal(WorkState.Submitted, WorkflowTable.OneStage.Next(WorkState.Draft, WorkAction.Submit));
        Assert.Equal(WorkState.Returned, WorkflowTable.OneStage.Next(WorkState.Submitted, WorkAction.Return));
        Assert.Equal(WorkState.Submitted, WorkflowTable.OneStage.Next(WorkState.Returned, WorkAction.Submit));
        Assert.Equal(WorkState.Approved, WorkflowTable.OneStage.Next(WorkState.Submitted, WorkAction.Approve));
        Assert.Equal(WorkState.Draft, WorkflowTable.OneStage.Next(WorkState.Approved, WorkAction.Adjust));
    }

    [Theory]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Submitted, WorkAction.Approve, true)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Submitted, WorkAction.Return, true)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Endorsed, WorkAction.Approve, false)]
    [InlineData(JixiaoRoles.DepartmentReviewer, WorkState.Endorsed, WorkAction.Return, false)]
    [InlineData(JixiaoRoles.FinanceReviewer, WorkState.Submitted, WorkAction.Approve, false)]
    [InlineData(JixiaoRoles.FinanceReviewer, WorkState.Submitted, WorkAction.Return, false)]
    [InlineData(JixiaoRoles.FinanceReviewer, WorkState.Endorsed, WorkAction.Approve, true)]
    [InlineData(JixiaoRoles.FinanceReviewer, WorkState.Endorsed, WorkAction.Return, true)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Endorsed, WorkAction.Withdraw, false)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Endorsed, WorkAction.Edit, false)]
    [InlineData(JixiaoRoles.UnitOfficer, WorkState.Submitted, WorkAction.Withdraw, true)]
    public void TwoStages_TheDepartmentPassesOnAndFinanceDecides(string role, WorkState state, WorkAction action, bool allowed) =>
        Assert.Equal(allowed, WorkflowRules.Allows(role, state, action, ReviewChain.TwoStage));

    [Fact]
    public void TwoStages_LeadThroughTheDepartmentToFinance()
    {
        var table = WorkflowTable.TwoStage;
        Assert.Equal(WorkState.Endorsed, table.Next(WorkState.Submitted, WorkAction.Approve));
        Assert.Equal(WorkState.Approved, table.Next(WorkState.Endorsed, WorkAction.Approve));
        Assert.Equal(WorkState.Returned, table.Next(WorkState.Endorsed, WorkAction.Return));
        Assert.Equal("审核通过", table.ActionName(WorkState.Submitted, WorkAction.Approve));
        Assert.Equal("批复", table.ActionName(WorkState.Endorsed, WorkAction.Approve));
        Assert.Equal("批复", WorkflowTable.OneStage.ActionName(WorkState.Submitted, WorkAction.Approve));
        Assert.Equal([WorkState.Endorsed], WorkflowRules.AwaitingDecision(JixiaoRoles.FinanceReviewer, ReviewChain.TwoStage));
        Assert.Equal([WorkState.Submitted], WorkflowRules.AwaitingDecision(JixiaoRoles.FinanceReviewer, ReviewChain.OneStage));
        Assert.Equal("该表须先经主管部门审核通过，再由财政批复。",
            WorkflowRules.Refusal(JixiaoRoles.FinanceReviewer, WorkState.Submitted, WorkAction.Approve, ReviewChain.TwoStage));
    }

    [Fact]
    public void Refusal_SaysWhetherTheRoleOrTheStateIsInTheWay()
    {
        Assert.Equal("单位填报员不能批复。", WorkflowRules.Refusal(JixiaoRoles.UnitOfficer, WorkState.Submitted, WorkAction.Approve));
        Assert.Equal("该表当前为「已批复」，不能修改。", WorkflowRules.Refusal(JixiaoRoles.UnitOfficer, WorkState.Approved, WorkAction.Edit));
    }

    [Fact]
    public void WorkflowDoc_CarriesTheTableAsGenerated()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "workflow.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/workflow.md has no generated workflow section");
        var generated = WorkflowRules.Markdown() + "\n两级审核（`Jixiao:ReviewStages` 为 2）时：\n\n" + WorkflowRules.Markdown(ReviewChain.TwoStage);
        if (Environment.GetEnvironmentVariable("JIXIAO_BLESS") == "1")
        {
            doc = doc[..(begin + Begin.Length)] + generated + doc[end..];
            File.WriteAllText(path, doc);
            end = doc.IndexOf(End, StringComparison.Ordinal);
        }

        Assert.Equal(generated, doc[(begin + Begin.Length)..end]);
        Assert.Contains("| 已送审 | 批复 | 主管部门审核员、财政审核员 | 已批复 |", generated, StringComparison.Ordinal);
        Assert.Contains("| 已送审 | 审核通过 | 主管部门审核员 | 主管部门已审核 |", generated, StringComparison.Ordinal);
        Assert.Contains("| 主管部门已审核 | 批复 | 财政审核员 | 已批复 |", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAccess_FollowsTheTable()
    {
        Assert.True(AccessRules.RoleHas(JixiaoRoles.UnitOfficer, Access.Import));
        Assert.False(AccessRules.RoleHas(JixiaoRoles.DepartmentReviewer, Access.Import));
        Assert.True(AccessRules.RoleHas(JixiaoRoles.FinanceReviewer, Access.Review));
        Assert.False(AccessRules.RoleHas(JixiaoRoles.Administrator, Access.Review));
        Assert.True(AccessRules.RoleHas(JixiaoRoles.Administrator, Access.Admin));
        Assert.False(AccessRules.RoleHas(JixiaoRoles.FinanceReviewer, Access.Admin));
        Assert.False(AccessRules.RoleHas(null, Access.Read));
        Assert.True(AccessRules.RoleHas(null, Access.Anonymous));
    }

    [Fact]
    public void UnitTree_SubtreesIncludeEverythingBelow()
    {
        (int, int?)[] nodes = [(1, null), (2, 1), (3, 2), (4, 2), (5, null), (6, 5)];
        Assert.Equal([1, 2, 3, 4], UnitTree.Subtrees([1], nodes).Order());
        Assert.Equal([2, 3, 4, 6], UnitTree.Subtrees([2, 6], nodes).Order());
        Assert.Empty(UnitTree.Subtrees([], nodes));
    }
}

/// <summary>What an 调整 changed between two versions of the targets.</summary>
public class TargetDiffTests
{
    private static ProjectSnapshot Project(string name, long total, params (string Level1, string Name, string Target)[] indicators) =>
        new(name, total, total, null, null, "目标", [.. indicators.Select((i, n) => new IndicatorSnapshot(n + 1, i.Level1, null, i.Name, i.Target))]);

    [Fact]
    public void Reordering_IsNotAChange()
    {
        var before = new TargetsSnapshot(1, [Project("甲", 100, ("output", "人次", "≥100人次"), ("satisfaction", "满意度", "≥90%"))]);
        var after = new TargetsSnapshot(2, [Project("甲", 100, ("satisfaction", "满意度", "≥90%"), ("output", "人次", "≥100人次"))]);
        Assert.Empty(TargetDiff.Compare(before, after, AmountUnit.Yuan));
    }

    [Fact]
    public void ChangedTargetsMoneyAddedAndRemoved_AreEachListed()
    {
        var before = new TargetsSnapshot(1,
        [
            Project("甲", 100, ("output", "人次", "≥100人次"), ("benefit", "合格率", "≥95%")),
            Project("乙", 50, ("output", "场次", "4场")),
        ]);
        var after = new TargetsSnapshot(2,
        [
            Project("甲", 120, ("output", "人次", "≥150人次"), ("satisfaction", "满意度", "≥90%")),
            Project("丙", 30, ("output", "篇数", "3篇")),
        ]);
        var changes = TargetDiff.Compare(before, after, AmountUnit.Yuan).Select(c => $"{c.Project}|{c.What}|{c.Kind}|{c.Before}|{c.After}").ToList();
        Assert.Contains("甲|资金总额|changed|1.00|1.20", changes);
        Assert.Contains("甲|人次|changed|≥100人次|≥150人次", changes);
        Assert.Contains("甲|合格率|removed|≥95%|", changes);
        Assert.Contains("甲|满意度|added||≥90%", changes);
        Assert.Contains("乙|项目|removed|资金总额 0.50 元，1 个指标|", changes);
        Assert.Contains("丙|项目|added||资金总额 0.30 元，1 个指标", changes);
    }

    [Fact]
    public void MoneyChanges_ReadInTheTablesUnit_WithSeparatorsAndTheUnit()
    {
        var before = new TargetsSnapshot(1, [Project("甲", 152_490_000, ("output", "人次", "≥100人次"))]);
        var after = new TargetsSnapshot(2, [Project("甲", 168_000_000, ("output", "人次", "≥100人次"))]);
        var change = TargetDiff.Compare(before, after, AmountUnit.WanYuan).First(c => c.What == "资金总额");
        Assert.Equal("资金总额 152.49 → 168.00 万元", change.Line());
        var large = TargetDiff.Compare(before, new TargetsSnapshot(2, [Project("甲", 1_234_567_800, ("output", "人次", "≥100人次"))]), AmountUnit.WanYuan)
            .First(c => c.What == "资金总额");
        Assert.Equal("1,234.5678", large.After);
    }

    [Fact]
    public void TwoIndicatorsOfTheSameName_AreMatchedInOrder()
    {
        var before = new TargetsSnapshot(1, [Project("甲", 1, ("benefit", "影响力", "提升"), ("benefit", "影响力", "扩大"))]);
        var after = new TargetsSnapshot(2, [Project("甲", 1, ("benefit", "影响力", "提升"), ("benefit", "影响力", "显著扩大"))]);
        var change = Assert.Single(TargetDiff.Compare(before, after, AmountUnit.Yuan));
        Assert.Equal(("扩大", "显著扩大"), (change.Before, change.After));
    }

    [Fact]
    public void Snapshot_SurvivesItsJson()
    {
        var snapshot = new TargetsSnapshot(3, [Project("甲", 100, ("output", "人次", "≥100人次"))]);
        var back = TargetsSnapshot.FromJson(snapshot.ToJson());
        Assert.Empty(TargetDiff.Compare(snapshot, back, AmountUnit.Yuan));
        Assert.Equal(3, back.Version);
    }
}
