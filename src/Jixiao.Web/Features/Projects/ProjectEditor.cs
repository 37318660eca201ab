using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Indicators;
using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Features.Projects;

/// <summary>
/// One indicator as submitted: level 1 as 产出/效益/满意度/成本 (or output/benefit/…); level 2 as written
/// (数量, 数量指标 or quantity…), or blank to infer it from the name (as is any level 2 sent with
/// <paramref name="Level2Inferred"/> true, so a project read from the API can be sent back as it is); the
/// 序号 it had, blank for a new one.
/// </summary>
public sealed record IndicatorEdit(string Level1, string? Level2, string Name, string? TargetText, int? Seq = null, bool Level2Inferred = false);

/// <summary>A project as submitted: amounts as text in the document's unit (blank = no money), indicators in their new order.</summary>
public sealed record ProjectEdit(string Name, string? Total, string? FiscalAppropriation, string? SpecialAccount, string? OtherFunds, string? Goal, IReadOnlyList<IndicatorEdit> Indicators);

/// <summary>
/// Saves edits to a project: amounts, goal and indicators (added, removed, reordered, changed). A save
/// names the version it was based on; when the project has changed since, it is refused, never
/// overwritten. The document is reviewed again in the same transaction, so findings and scores always
/// describe what is stored.
/// </summary>
public sealed class ProjectEditor(JixiaoDbContext db, UnitReview reviews, CurrentUser user, AuditLog audit)
{
    /// <summary>Limits on what one project may hold.</summary>
    public const int MaxIndicators = 200;

    private const int MaxNameLength = 500;
    private const int MaxTargetLength = 2000;
    private const int MaxGoalLength = 20000;

    /// <summary>Saves <paramref name="edit"/> over version <paramref name="basedOnVersion"/>: done with the new version, or why not (a refusal is audited).</summary>
    public async Task<Outcome<int>> SaveAsync(int id, int basedOnVersion, ProjectEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var project = await db.Projects.Include(p => p.Indicators).Include(p => p.Document).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return Outcome<int>.NotFound($"没有第 {id} 号项目，可能已被删除。");
        }

        if (!user.May(WorkAction.Edit, project.Document!.Status))
        {
            var reason = user.Refusal(WorkAction.Edit, project.Document.Status);
            await audit.SecurityAsync("workflow.refused", $"修改第 {id} 号项目被拒绝：{reason}");
            return Outcome<int>.Refused(reason);
        }

        if (project.Version != basedOnVersion)
        {
            return Stale(project.Version);
        }

        var unit = Enum.Parse<AmountUnit>(project.Document!.AmountUnit);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var domain = Validate(edit, unit, errors);
        if (domain is null)
        {
            return Outcome<int>.Invalid(errors);
        }

        var before = TargetsSnapshot.Of(project);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            project.Name = domain.Name;
            project.TotalFen = domain.Funding.Total?.Fen;
            project.FiscalFen = domain.Funding.FiscalAppropriation?.Fen;
            project.SpecialFen = domain.Funding.SpecialAccount?.Fen;
            project.OtherFen = domain.Funding.OtherFunds?.Fen;
            project.Goal = domain.Goal;
            project.Version++;
            // An indicator kept keeps what the page does not edit: the source line it was read from, and the
            // explanation and standard its form gave.
            var kept = project.Indicators.GroupBy(i => i.Seq).ToDictionary(g => g.Key, g => g.First());
            db.Indicators.RemoveRange(project.Indicators);
            project.Indicators = [.. domain.Indicators.Select((indicator, i) =>
            {
                var record = DocumentMapping.ToRecord(indicator, i);
                if (kept.TryGetValue(indicator.Seq, out var before) && before.Name == indicator.Name)
                {
                    record.Line = before.Line;
                    record.Explanation = before.Explanation;
                    record.Standard = before.Standard;
                    record.EvaluationJson = before.EvaluationJson;
                    record.RegionsJson = before.RegionsJson;
                }

                return record;
            })];
            var after = TargetsSnapshot.Of(project);
            var changes = TargetDiff.Compare(new TargetsSnapshot(0, [before]), new TargetsSnapshot(0, [after]), unit);
            audit.Change("project.edit", $"修改项目「{project.Name}」（第 {project.Version} 次保存）："
                + (changes.Count == 0 ? "内容未变" : string.Join("；", changes.Take(20).Select(c => c.Line()))),
                project.Document.UnitId, project.DocumentId, project.Id, before, after);
            var terms = SearchTerms.Of(project);
            if (await db.ProjectTerms.FindAsync([project.Id], cancellationToken) is { } stored)
            {
                stored.Terms = terms;
            }
            else
            {
                db.ProjectTerms.Add(new ProjectTermsRecord { ProjectId = project.Id, Terms = terms });
            }

            await db.SaveChangesAsync(cancellationToken);
            await reviews.ReviewAgainAsync(project.DocumentId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<int>.Done(project.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save changed the version between our read and our write.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.Projects.Where(p => p.Id == id).Select(p => p.Version).FirstAsync(cancellationToken);
            return Stale(current);
        }
    }

    private static Outcome<int> Stale(int current) => Outcome<int>.Stale(
        $"读取之后此项目已被他人修改并保存（当前版本 {current}），本次修改未保存，以免覆盖对方的修改。请重新打开项目后再改。", current);

    /// <summary>The submission as a domain project, or null with the errors filled in.</summary>
    private static Project? Validate(ProjectEdit edit, AmountUnit unit, Dictionary<string, string[]> errors)
    {
        var name = (edit.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors["name"] = ["项目名称不能为空。"];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"项目名称不能超过 {MaxNameLength} 个字。"];
        }

        var goal = (edit.Goal ?? "").Trim();
        if (goal.Length > MaxGoalLength)
        {
            errors["goal"] = [$"绩效目标不能超过 {MaxGoalLength} 个字。"];
        }

        var total = Amount(edit.Total, "total", "总计", unit, errors);
        var fiscal = Amount(edit.FiscalAppropriation, "fiscalAppropriation", "财政拨款", unit, errors);
        var special = Amount(edit.SpecialAccount, "specialAccount", "财政专户拨款", unit, errors);
        var other = Amount(edit.OtherFunds, "otherFunds", "其他资金", unit, errors);

        var indicators = edit.Indicators ?? [];
        if (indicators.Count > MaxIndicators)
        {
            errors["indicators"] = [$"一个项目最多 {MaxIndicators} 个指标。"];
            return null;
        }

        var built = new List<Indicator>();
        var lastSeq = 0;
        for (var i = 0; i < indicators.Count; i++)
        {
            var field = $"indicators[{i}]";
            var item = indicators[i];
            var indicatorName = (item.Name ?? "").Trim();
            var target = (item.TargetText ?? "").Trim();
            if (!TryLevel1(item.Level1, out var level1))
            {
                errors[field + ".level1"] = [$"第 {i + 1} 个指标的一级指标“{item.Level1}”无法识别，应为 产出、效益、满意度 或 成本。"];
                continue;
            }

            Level2? level2 = null;
            if (!string.IsNullOrWhiteSpace(item.Level2) && !item.Level2Inferred)
            {
                if (!TryLevel2(item.Level2, level1, out var parsed))
                {
                    var shown = LevelNames.TryParseLevel2(item.Level2, out var named) ? named.Chinese() : item.Level2;
                    errors[field + ".level2"] = [$"第 {i + 1} 个指标的二级指标“{shown}”不属于{level1.Chinese()}指标，请改选二级指标或选“按名称推断”。"];
                    continue;
                }

                level2 = parsed;
            }

            if (indicatorName.Length == 0)
            {
                errors[field + ".name"] = [$"第 {i + 1} 个指标的名称不能为空。"];
                continue;
            }

            if (indicatorName.Length > MaxNameLength || target.Length > MaxTargetLength)
            {
                errors[field + ".targetText"] = [$"第 {i + 1} 个指标的名称或指标值过长。"];
                continue;
            }

            // The 序号 as printed stays while the order allows it (so comments and findings on 第 N 项 stay
            // with their indicator); a new or moved indicator takes the next number.
            var seq = item.Seq is int kept && kept > lastSeq && kept < 10_000 ? kept : lastSeq + 1;
            lastSeq = seq;
            built.Add(Indicator.Create(seq, level1, level2, indicatorName, target, default));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var project = new Project(name, new Funding(total, fiscal, special, other), goal, default);
        foreach (var indicator in built)
        {
            project.AddIndicator(indicator);
        }

        return project;
    }

    private static Money? Amount(string? text, string field, string label, AmountUnit unit, Dictionary<string, string[]> errors)
    {
        var messages = new List<string>();
        var money = FormAmounts.Parse(text, label, unit, messages);
        if (messages.Count > 0)
        {
            errors[field] = [.. messages];
        }

        return money;
    }

    private static bool TryLevel1(string? text, out Level1 level1)
    {
        level1 = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return DocumentMapping.TryLevel1(text, out level1) || IndicatorVocabulary.TryFindLabel(text, out level1, out _);
    }

    private static bool TryLevel2(string text, Level1 level1, out Level2 level2)
    {
        foreach (var value in Enum.GetValues<Level2>())
        {
            if ((value.JsonName() == text || value.Chinese() == text || value.Chinese() + "指标" == text) && value.Parent() == level1)
            {
                level2 = value;
                return true;
            }
        }

        level2 = default;
        return false;
    }
}
