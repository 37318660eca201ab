namespace Jixiao.Web.Features.Workflow;

/// <summary>
/// Submits, returns and approves a project's self-evaluation (month null) or its monitoring report for
/// 1~month月, by the same <see cref="Workflow"/> table as the targets.
/// </summary>
public sealed class ReportWorkflow(JixiaoDbContext db, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public static string Subject(int? month) => month is { } m ? $"monitoring-{m}" : "self-evaluation";

    public static string Name(int? month) => month is { } m ? $"1~{m}月绩效运行监控" : "绩效自评";

    /// <summary>The report's state, draft for one not saved yet; null when the project is not visible.</summary>
    public async Task<WorkState?> StateAsync(int projectId, int? month, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return null;
        }

        var state = month is { } m
            ? await db.MonitoringReports.Where(r => r.ProjectId == projectId && r.Month == m).Select(r => (WorkState?)r.Status).FirstOrDefaultAsync(cancellationToken)
            : await db.SelfEvaluations.Where(s => s.ProjectId == projectId).Select(s => (WorkState?)s.Status).FirstOrDefaultAsync(cancellationToken);
        return state ?? WorkState.Draft;
    }

    /// <summary>Whether the user may change the report now: done with its state when they may; a refusal is audited.</summary>
    public async Task<Outcome<WorkState>> CheckEditAsync(int projectId, int? month, CancellationToken cancellationToken)
    {
        var state = await StateAsync(projectId, month, cancellationToken);
        return state is not { } known ? NotFound(projectId)
            : user.MayReport(WorkAction.Edit, known) ? Outcome<WorkState>.Done(known)
            : await RefusedAsync(projectId, month, known, WorkAction.Edit);
    }

    private static Outcome<WorkState> NotFound(int projectId) => Outcome<WorkState>.NotFound($"没有第 {projectId} 号项目，可能已被删除。");

    /// <summary>The refusal of <paramref name="action"/> on the report, recorded in the audit trail.</summary>
    private async Task<Outcome<WorkState>> RefusedAsync(int projectId, int? month, WorkState state, WorkAction action)
    {
        var reason = WorkflowRules.Refusal(user.Role, state, action).Replace("该表", "该报告", StringComparison.Ordinal);
        await audit.SecurityAsync("workflow.refused", $"第 {projectId} 号项目的{Name(month)}{action.Chinese()}被拒绝：{reason}");
        return Outcome<WorkState>.Refused(reason);
    }

    public async Task<Outcome<WorkState>> StepAsync(int projectId, int? month, WorkAction action, string? comment, CancellationToken cancellationToken)
    {
        if (!WorkflowTable.ReportActions.Contains(action) || action == WorkAction.Edit)
        {
            return Outcome<WorkState>.Invalid("报告只能送审、退回或批复。");
        }

        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.DocumentId, p.Document!.UnitId, p.Document.VersionNumber, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return NotFound(projectId);
        }

        MonitoringReportRecord? monitoring = null;
        SelfEvaluationRecord? evaluation = null;
        if (month is { } m)
        {
            monitoring = await db.MonitoringReports.FirstOrDefaultAsync(r => r.ProjectId == projectId && r.Month == m, cancellationToken);
        }
        else
        {
            evaluation = await db.SelfEvaluations.FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);
        }

        if ((monitoring?.Status ?? evaluation?.Status) is not { } state)
        {
            return Outcome<WorkState>.Invalid($"该项目还没有保存{Name(month)}，请先填写并保存。");
        }

        if (!user.MayReport(action, state))
        {
            return await RefusedAsync(projectId, month, state, action);
        }

        if (action == WorkAction.Return && string.IsNullOrWhiteSpace(comment))
        {
            return Outcome<WorkState>.Invalid("退回时请写明意见。");
        }

        if (comment?.Length > DocumentWorkflow.MaxCommentLength)
        {
            return Outcome<WorkState>.Invalid($"意见不超过 {DocumentWorkflow.MaxCommentLength} 字。");
        }

        var next = WorkflowTable.OneStage.Next(state, action);
        if (monitoring is not null)
        {
            monitoring.Status = next;
        }
        else
        {
            evaluation!.Status = next;
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            db.Comments.Add(DocumentWorkflow.NewComment(user, time, project.DocumentId, projectId, null, Subject(month), project.VersionNumber, comment));
        }

        audit.Change($"{(month is null ? "self-evaluation" : "monitoring")}.{action.ToString().ToLowerInvariant()}",
            $"{Name(month)}{action.Chinese()}：「{state.Chinese()}」→「{next.Chinese()}」" + (string.IsNullOrWhiteSpace(comment) ? "" : "；意见：" + comment.Trim()),
            project.UnitId, project.DocumentId, projectId, state.Chinese(), next.Chinese());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<WorkState>.Done(next);
    }
}
