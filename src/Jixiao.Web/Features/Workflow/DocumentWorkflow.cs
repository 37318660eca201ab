namespace Jixiao.Web.Features.Workflow;

/// <summary>One open finding for the 审核意见书: where, what, and the rule's basis and suggested correction.</summary>
public sealed record OpinionFinding(string Where, string Severity, string Rule, string Message, string Basis, string Suggestion);

/// <summary>Everything a 审核意见书 says of one table.</summary>
/// <param name="DocumentId">The table.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Title">Its title.</param>
/// <param name="Year">Its budget year.</param>
/// <param name="Version">Its version.</param>
/// <param name="State">Its state.</param>
/// <param name="Score">Its quality score.</param>
/// <param name="Findings">The review's findings open on it, the table's first.</param>
/// <param name="Decision">已批复, 已退回 or 审核中 (with the state for anything else).</param>
/// <param name="Reviewer">Who took the last review decision (their name), empty when none has.</param>
/// <param name="DecidedAt">When, null when no decision yet.</param>
/// <param name="Opinions">The comments on the table's current version, in order: (where, text, author, when).</param>
public sealed record Opinion(int DocumentId, string Unit, string Title, int? Year, int Version, WorkState State, string Decision, decimal Score,
    string Reviewer, DateTimeOffset? DecidedAt, IReadOnlyList<(string Where, string Text, string Author, DateTimeOffset At)> Opinions,
    IReadOnlyList<OpinionFinding> Findings)
{
    /// <summary>Each review decision on the current version, in order: the stage (主管部门, 财政, or 审核 with one stage), what it decided, by whom, when.</summary>
    public IReadOnlyList<StageDecision> Stages { get; init; } = [];
}

/// <summary>One stage's decision on a table: <paramref name="Stage"/> (主管部门, 财政 or 审核), <paramref name="Decision"/> (审核通过, 批复, 退回).</summary>
public sealed record StageDecision(string Stage, string Decision, string Reviewer, DateTimeOffset At);

/// <summary>A reviewer's comment on the document (no project), a project, or one indicator (project and seq).</summary>
public sealed record CommentInput(int? ProjectId, int? IndicatorSeq, string Text);

/// <summary>
/// Moves a document-year through 草稿 → 已送审 → 已退回 / 已批复 and 调整, as the <see cref="Workflow"/>
/// table allows; records each step in the audit trail and keeps each approved version's targets.
/// </summary>
public sealed class DocumentWorkflow(JixiaoDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, Documents.UnitReview reviews)
{
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// Sends the table for review. With review errors open it goes (the pages ask the user to confirm
    /// first) unless the rules of the table's region block it until they are corrected.
    /// </summary>
    public async Task<Outcome<WorkState>> SubmitAsync(int id, CancellationToken cancellationToken)
    {
        var open = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.UnitId, d.ErrorCount }).FirstOrDefaultAsync(cancellationToken);
        if (open is { ErrorCount: > 0 } && (await reviews.RulesForAsync(open.UnitId, cancellationToken)).Settings.BlockSubmitWithErrors
            && (await CheckAsync(id, WorkAction.Submit, cancellationToken)) is { IsDone: true })
        {
            return Outcome<WorkState>.Invalid($"该表还有 {open.ErrorCount} 个审核错误。按本地区的审核规则，须改正后才能送审。");
        }

        return await StepAsync(id, WorkAction.Submit, [], cancellationToken);
    }

    public Task<Outcome<WorkState>> ApproveAsync(int id, string? comment, CancellationToken cancellationToken) =>
        StepAsync(id, WorkAction.Approve, string.IsNullOrWhiteSpace(comment) ? [] : [new CommentInput(null, null, comment)], cancellationToken);

    /// <summary>Returns the table with at least one comment (on the table, a project or an indicator).</summary>
    public Task<Outcome<WorkState>> ReturnAsync(int id, IReadOnlyList<CommentInput> comments, CancellationToken cancellationToken) =>
        StepAsync(id, WorkAction.Return, comments, cancellationToken);

    /// <summary>The most tables one batch decision may take.</summary>
    public const int MaxBatch = 500;

    /// <summary>
    /// 批复 or 退回 (with <paramref name="comment"/>, required for a return) each of <paramref name="ids"/>, each on
    /// its own: each is checked, stepped and recorded as if decided alone, and one refused does not stop the rest.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<(int Id, Outcome<WorkState> Outcome)>>> BatchAsync(IReadOnlyList<int> ids, WorkAction action, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (action is not (WorkAction.Approve or WorkAction.Return))
        {
            return Outcome<IReadOnlyList<(int, Outcome<WorkState>)>>.Invalid("批量操作只能是批复或退回。");
        }

        if (ids.Count == 0 || ids.Count > MaxBatch)
        {
            return Outcome<IReadOnlyList<(int, Outcome<WorkState>)>>.Invalid($"请选择 1 到 {MaxBatch} 张表。");
        }

        var results = new List<(int, Outcome<WorkState>)>();
        foreach (var id in ids.Distinct())
        {
            results.Add((id, action == WorkAction.Approve
                ? await ApproveAsync(id, comment, cancellationToken)
                : await ReturnAsync(id, [new CommentInput(null, null, comment ?? "")], cancellationToken)));
            db.ChangeTracker.Clear();
        }

        return Outcome<IReadOnlyList<(int, Outcome<WorkState>)>>.Done(results);
    }

    /// <summary>Takes a submitted table back as a draft, before a reviewer has decided.</summary>
    public Task<Outcome<WorkState>> WithdrawAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, WorkAction.Withdraw, [], cancellationToken);

    public Task<Outcome<WorkState>> AdjustAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, WorkAction.Adjust, [], cancellationToken);

    /// <summary>
    /// The unit's answer to a reviewer's comment on the table, and whether it is done; only while the table
    /// may be changed (a draft, or returned). Done with the comment's id; audited.
    /// </summary>
    public async Task<Outcome<int>> AnswerAsync(int id, int commentId, string? answer, bool done, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Document).FirstOrDefaultAsync(c => c.Id == commentId && c.DocumentId == id, cancellationToken);
        if (comment?.Document is not { } document)
        {
            return Outcome<int>.NotFound($"第 {id} 号表没有第 {commentId} 条审核意见。");
        }

        if (!user.May(WorkAction.Edit, document.Status))
        {
            var reason = user.Refusal(WorkAction.Edit, document.Status);
            await audit.SecurityAsync("workflow.refused", $"答复第 {id} 号表的审核意见被拒绝：{reason}");
            return Outcome<int>.Refused(reason);
        }

        var text = (answer ?? "").Trim();
        if (text.Length == 0 && !done)
        {
            return Outcome<int>.Invalid(new Dictionary<string, string[]> { ["answer"] = ["请填写答复，或标记为已处理。"] });
        }

        if (text.Length > MaxCommentLength)
        {
            return Outcome<int>.Invalid(new Dictionary<string, string[]> { ["answer"] = [$"答复不超过 {MaxCommentLength} 字。"] });
        }

        var before = new { comment.Answer, comment.Resolved };
        if (text.Length > 0)
        {
            comment.Answer = text;
            comment.AnsweredBy = user.DisplayName;
            comment.AnsweredAt = time.GetUtcNow();
        }

        comment.Resolved = done;
        audit.Change("comment.answer", $"答复审核意见「{Shorten(comment.Text)}」" + (text.Length > 0 ? $"：{Shorten(text)}" : "") + (done ? "（已处理）" : ""),
            document.UnitId, id, comment.ProjectId, before, new { comment.Answer, comment.Resolved });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Done(commentId);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>Deletes a table that was never approved, with its review, in one transaction; done with its id.</summary>
    public async Task<Outcome<int>> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var allowed = await CheckAsync(id, WorkAction.Delete, cancellationToken);
        if (!allowed.IsDone)
        {
            return allowed.As<int>();
        }

        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.UnitId, d.Title, d.FileName, Projects = d.Projects.Count }).FirstAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Documents.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        audit.Change("document.delete", $"删除第 {id} 号表「{document.Title}」（{document.FileName}，{document.Projects} 个项目）", document.UnitId, id, before: document);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<int>.Done(id);
    }

    /// <summary>Whether <paramref name="action"/> is allowed on document <paramref name="id"/> now: done with its state when it is; a refusal is audited.</summary>
    public async Task<Outcome<WorkState>> CheckAsync(int id, WorkAction action, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Status }).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound(id);
        }

        return user.May(action, document.Status) ? Outcome<WorkState>.Done(document.Status) : await RefusedAsync(id, document.Status, action);
    }

    private static Outcome<WorkState> NotFound(int id) => Outcome<WorkState>.NotFound($"没有第 {id} 号绩效目标表，可能已被删除。");

    /// <summary>The refusal of <paramref name="action"/>, recorded in the audit trail.</summary>
    private async Task<Outcome<WorkState>> RefusedAsync(int id, WorkState state, WorkAction action)
    {
        var reason = user.Refusal(action, state);
        await audit.SecurityAsync("workflow.refused", $"第 {id} 号表{action.Chinese()}被拒绝：{reason}");
        return Outcome<WorkState>.Refused(reason);
    }

    private async Task<Outcome<WorkState>> StepAsync(int id, WorkAction action, IReadOnlyList<CommentInput> comments, CancellationToken cancellationToken)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound(id);
        }

        if (!user.May(action, document.Status))
        {
            return await RefusedAsync(id, document.Status, action);
        }

        var records = new List<CommentRecord>();
        if (await ValidateCommentsAsync(document, action, comments, records, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var before = document.Status;
        var now = time.GetUtcNow();
        document.Status = WorkflowTable.For(user.Chain).Next(before, action);
        if (document.Status == WorkState.Approved)
        {
            // The version's targets are kept when the last stage approves them.
            var full = await db.Documents.AsNoTracking().AsSplitQuery().Include(d => d.Projects).ThenInclude(p => p.Indicators)
                .FirstAsync(d => d.Id == id, cancellationToken);
            db.DocumentVersions.Add(new DocumentVersionRecord
            {
                DocumentId = id,
                Number = document.VersionNumber,
                Json = TargetsSnapshot.Of(full).ToJson(),
                ApprovedAt = now,
                ApprovedBy = user.DisplayName,
            });
        }
        else if (action == WorkAction.Adjust)
        {
            document.VersionNumber++;
        }

        db.Comments.AddRange(records);
        var summary = $"{action.Chinese()}：「{before.Chinese()}」→「{document.Status.Chinese()}」，第 {document.VersionNumber} 版"
            + (records.Count > 0 ? $"；意见 {records.Count} 条：" + string.Join("；", records.Select(c => c.Text)) : "");
        audit.Change("document." + action.ToString().ToLowerInvariant(), summary, document.UnitId, id, null, before.Chinese(), document.Status.Chinese());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<WorkState>.Done(document.Status);
    }

    private async Task<Outcome<WorkState>?> ValidateCommentsAsync(DocumentRecord document, WorkAction action, IReadOnlyList<CommentInput> comments, List<CommentRecord> records, CancellationToken cancellationToken)
    {
        var useful = comments.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
        if (action == WorkAction.Return && useful.Count == 0)
        {
            return Outcome<WorkState>.Invalid("退回时请写明意见（对整张表、某个项目或某个指标）。");
        }

        foreach (var comment in useful)
        {
            if (comment.Text.Length > MaxCommentLength)
            {
                return Outcome<WorkState>.Invalid($"每条意见不超过 {MaxCommentLength} 字。");
            }

            if (comment.IndicatorSeq is not null && comment.ProjectId is null)
            {
                return Outcome<WorkState>.Invalid("对指标的意见须同时指明项目。");
            }

            if (comment.ProjectId is { } projectId)
            {
                var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId && p.DocumentId == document.Id)
                    .Select(p => new { Seqs = p.Indicators.Select(i => i.Seq).ToList() }).FirstOrDefaultAsync(cancellationToken);
                if (project is null)
                {
                    return Outcome<WorkState>.Invalid($"第 {projectId} 号项目不在这张表中。");
                }

                if (comment.IndicatorSeq is { } seq && !project.Seqs.Contains(seq))
                {
                    return Outcome<WorkState>.Invalid($"该项目没有序号为 {seq} 的指标。");
                }
            }

            records.Add(NewComment(user, time, document.Id, comment.ProjectId, comment.IndicatorSeq, "targets", document.VersionNumber, comment.Text));
        }

        return null;
    }

    /// <summary>A comment by <paramref name="author"/>, now.</summary>
    internal static CommentRecord NewComment(CurrentUser author, TimeProvider clock, int documentId, int? projectId, int? indicatorSeq, string subject, int version, string text) => new()
    {
        DocumentId = documentId,
        ProjectId = projectId,
        IndicatorSeq = indicatorSeq,
        Subject = subject,
        Version = version,
        Text = text.Trim(),
        AuthorId = author.Id ?? "",
        AuthorName = author.DisplayName,
        At = clock.GetUtcNow(),
    };

    /// <summary>The 审核意见书 of table <paramref name="id"/>: the decision, the opinions, the open findings with their basis and correction; null when there is no such table.</summary>
    public async Task<Opinion?> OpinionAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Unit).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var projects = await db.Projects.AsNoTracking().Where(p => p.DocumentId == id).Select(p => new { p.Id, p.Name, p.Position }).ToDictionaryAsync(p => p.Id, cancellationToken);
        string Where(int? projectId, int? seq) => projectId is { } p && projects.TryGetValue(p, out var project)
            ? $"第 {project.Position + 1} 个项目「{project.Name}」" + (seq is { } s ? $"第 {s} 个指标" : "")
            : "整张表";
        var comments = await db.Comments.AsNoTracking().Where(c => c.DocumentId == id && c.Version == document.VersionNumber && c.Subject == "targets")
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking().Where(f => f.DocumentId == id).OrderBy(f => f.ProjectId == null ? 0 : 1).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        // The decisions on this version: those after the last 调整 that opened it.
        var opened = await db.Audit.AsNoTracking().Where(a => a.DocumentId == id && a.Kind == "change" && a.Action == "document.adjust")
            .OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var decisions = await db.Audit.AsNoTracking()
            .Where(a => a.DocumentId == id && a.Id > opened && a.Kind == "change" && (a.Action == "document.approve" || a.Action == "document.return"))
            .OrderBy(a => a.Id).Select(a => new { a.UserId, a.UserName, a.At, a.Before, a.After }).ToListAsync(cancellationToken);
        var userIds = decisions.Select(d => d.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string NameOf(string? userId, string userName) => userId is not null && names.TryGetValue(userId, out var name) ? name : userName;
        var endorsed = WorkState.Endorsed.Chinese();
        var stages = decisions.Select(d => new StageDecision(
            d.After == endorsed ? "主管部门" : d.Before == endorsed ? "财政" : "审核",
            d.After == endorsed ? "审核通过" : d.After == WorkState.Approved.Chinese() ? "批复" : "退回",
            NameOf(d.UserId, d.UserName), d.At)).ToList();
        var decision = decisions.LastOrDefault();
        var reviewer = decision is null ? "" : NameOf(decision.UserId, decision.UserName);
        return new Opinion(id, document.Unit!.Name, document.Title, document.Year, document.VersionNumber, document.Status,
            document.Status switch
            {
                WorkState.Approved => "已批复",
                WorkState.Returned => "已退回，请按意见修改后重新送审",
                WorkState.Submitted => "审核中",
                WorkState.Endorsed => "主管部门已审核通过，待财政批复",
                WorkState.Draft or WorkState.Deleted => document.Status.Chinese(),
            },
            document.Score, reviewer, decision?.At,
            [.. comments.Select(c => (Where(c.ProjectId, c.IndicatorSeq), c.Text, c.AuthorName, c.At))],
            [.. findings.Select(f => Display(f, Where(f.ProjectId, f.IndicatorSeq)))]) { Stages = stages };
    }

    private static OpinionFinding Display(FindingRecord finding, string where)
    {
        var rule = ReviewRules.Find(finding.Code);
        return new OpinionFinding(where, Shared.Display.Severity(finding.Severity), rule?.Title ?? "审核发现", finding.Message, rule?.Basis ?? "", rule?.Suggestion ?? "");
    }

    /// <summary>What changed in the targets from version <paramref name="from"/> to <paramref name="to"/>; null when either version does not exist (or the table is not visible).</summary>
    public async Task<IReadOnlyList<TargetChange>?> DiffAsync(int id, int from, int to, CancellationToken cancellationToken)
    {
        var before = await VersionAsync(id, from, cancellationToken);
        var after = before is null ? null : await VersionAsync(id, to, cancellationToken);
        var unit = await db.Documents.Where(d => d.Id == id).Select(d => d.AmountUnit).FirstOrDefaultAsync(cancellationToken);
        return after is null || unit is null ? null : TargetDiff.Compare(before!, after, Enum.Parse<AmountUnit>(unit));
    }

    /// <summary>The targets of version <paramref name="number"/>: the approved snapshot, or the current targets for the version being worked on.</summary>
    public async Task<TargetsSnapshot?> VersionAsync(int id, int number, CancellationToken cancellationToken)
    {
        var stored = await db.DocumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == id && v.Number == number, cancellationToken);
        if (stored is not null)
        {
            return TargetsSnapshot.FromJson(stored.Json);
        }

        var current = await db.Documents.AsNoTracking().AsSplitQuery().Include(d => d.Projects).ThenInclude(p => p.Indicators)
            .FirstOrDefaultAsync(d => d.Id == id && d.VersionNumber == number, cancellationToken);
        return current is null ? null : TargetsSnapshot.Of(current);
    }
}
