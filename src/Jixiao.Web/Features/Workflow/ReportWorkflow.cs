using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Workflow;

/// <summary>
/// Submits, returns and approves a project's self-evaluation (month null) or its monitoring report for
/// 1~month月, by the same <see cref="Workflow"/> table as the targets.
/// </summary>
public sealed class ReportWorkflow(JixiaoDbContext db, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public static string Subject(int? month) => month is { } m ? $"monitoring-{m}" : "self-evaluation";

    public static string Name(int? month) => month is { } m ? $"1~{m}月绩效运行监控" : "绩效自评";

    /// <summary>The report's state, <c>draft</c> for one not saved yet; null when the project is not visible.</summary>
    public async Task<string?> StateAsync(int projectId, int? month, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return null;
        }

        var state = month is { } m
            ? await db.MonitoringReports.Where(r => r.ProjectId == projectId && r.Month == m).Select(r => r.Status).FirstOrDefaultAsync(cancellationToken)
            : await db.SelfEvaluations.Where(s => s.ProjectId == projectId).Select(s => s.Status).FirstOrDefaultAsync(cancellationToken);
        return state ?? WorkState.Draft;
    }

    /// <summary>Null when the user may change the report now, the refusal otherwise.</summary>
    public async Task<StepOutcome?> CheckEditAsync(int projectId, int? month, CancellationToken cancellationToken)
    {
        var state = await StateAsync(projectId, month, cancellationToken);
        return state is null
            ? StepOutcome.NotFound($"没有第 {projectId} 号项目，可能已被删除。")
            : user.May(WorkAction.Edit, state) ? null : StepOutcome.Refused(WorkflowRules.Refusal(user.Role, state, WorkAction.Edit).Replace("该表", "该报告", StringComparison.Ordinal));
    }

    public async Task<StepOutcome> StepAsync(int projectId, int? month, WorkAction action, string? comment, CancellationToken cancellationToken)
    {
        if (!WorkflowRules.ReportActions.Contains(action) || action == WorkAction.Edit)
        {
            return StepOutcome.Invalid("报告只能送审、退回或批复。");
        }

        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.DocumentId, p.Document!.UnitId, p.Document.VersionNumber, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return StepOutcome.NotFound($"没有第 {projectId} 号项目，可能已被删除。");
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

        var state = monitoring?.Status ?? evaluation?.Status;
        if (state is null)
        {
            return StepOutcome.Invalid($"该项目还没有保存{Name(month)}，请先填写并保存。");
        }

        if (!user.May(action, state))
        {
            return StepOutcome.Refused(WorkflowRules.Refusal(user.Role, state, action).Replace("该表", "该报告", StringComparison.Ordinal));
        }

        if (action == WorkAction.Return && string.IsNullOrWhiteSpace(comment))
        {
            return StepOutcome.Invalid("退回时请写明意见。");
        }

        if (comment?.Length > DocumentWorkflow.MaxCommentLength)
        {
            return StepOutcome.Invalid($"意见不超过 {DocumentWorkflow.MaxCommentLength} 字。");
        }

        var next = WorkflowRules.Next(state, action);
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
            $"{Name(month)}{WorkflowRules.Chinese(action)}：「{WorkState.Chinese(state)}」→「{WorkState.Chinese(next)}」" + (string.IsNullOrWhiteSpace(comment) ? "" : "；意见：" + comment.Trim()),
            project.UnitId, project.DocumentId, projectId, WorkState.Chinese(state), WorkState.Chinese(next));
        await db.SaveChangesAsync(cancellationToken);
        return StepOutcome.Done(next);
    }
}
