using Microsoft.AspNetCore.Identity;

namespace Jixiao.Data.Records;

/// <summary>An account. Its one role is an Identity role (<see cref="JixiaoRoles"/>); what it sees is its <see cref="Scopes"/>.</summary>
public sealed class JixiaoUser : IdentityUser
{
    /// <summary>The person's name as shown in histories.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set for a password someone else chose (first start, <c>jixiao user add</c>, an administrator): it must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<UserScopeRecord> Scopes { get; set; } = [];
}

/// <summary>A node of the unit tree assigned to a user: the user sees that node and everything under it.</summary>
public sealed class UserScopeRecord
{
    public required string UserId { get; set; }

    public int UnitId { get; set; }

    public UnitRecord? Unit { get; set; }
}

/// <summary>A personal access token for the API. Only a hash of the secret is stored.</summary>
public sealed class AccessTokenRecord
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole token, hex.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>The targets of a document as approved: one row per approved version, never changed after.</summary>
public sealed class DocumentVersionRecord
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public DocumentRecord? Document { get; set; }

    public int Number { get; set; }

    /// <summary>The document as the API's JSON (<c>DocumentDto</c>) at approval.</summary>
    public required string Json { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public required string ApprovedBy { get; set; }
}

/// <summary>A reviewer's comment on a document, a project or one indicator, or on a project's report.</summary>
public sealed class CommentRecord
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public DocumentRecord? Document { get; set; }

    public int? ProjectId { get; set; }

    public int? IndicatorSeq { get; set; }

    /// <summary><c>targets</c>, <c>self-evaluation</c> or <c>monitoring-M</c> (M the month).</summary>
    public required string Subject { get; set; }

    /// <summary>The document's version number the comment was written on.</summary>
    public int Version { get; set; }

    public required string Text { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The unit's answer to the comment, null until someone answers.</summary>
    public string? Answer { get; set; }

    /// <summary>Who answered (their name).</summary>
    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>True once the unit has marked the comment done (dealt with in the table).</summary>
    public bool Resolved { get; set; }
}

/// <summary>
/// A budget year's season (填报季): the deadline for the targets to be sent for review, and the windows of
/// monitoring and self-evaluation; for every unit, or for the units under one region where it differs.
/// </summary>
public sealed class SeasonRecord
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>The region (a node of the unit tree) the season is for; null for every unit.</summary>
    public int? RegionId { get; set; }

    /// <summary>The last day the year's targets may be sent for review (送审).</summary>
    public DateOnly TargetsDue { get; set; }

    /// <summary>The last day of the mid-year monitoring reports, null when not set.</summary>
    public DateOnly? MonitoringDue { get; set; }

    /// <summary>The last day of the self-evaluations, null when not set.</summary>
    public DateOnly? SelfEvaluationDue { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public required string OpenedBy { get; set; }
}

/// <summary>
/// One line of the audit trail: a change (who, when, what, before → after, from where) or a refused
/// request. Rows are only ever added: the context refuses to update or delete them and the database has
/// triggers that refuse it too. No foreign keys, so deleting a document keeps its history.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><c>change</c> or <c>security</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What happened, e.g. <c>document.submit</c>, <c>project.edit</c>, <c>login.failed</c>.</summary>
    public required string Action { get; set; }

    public string? UserId { get; set; }

    /// <summary>The user name at the time, or what was typed for a failed sign-in.</summary>
    public required string UserName { get; set; }

    public required string Address { get; set; }

    public int? UnitId { get; set; }

    public int? DocumentId { get; set; }

    public int? ProjectId { get; set; }

    /// <summary>One line in Chinese.</summary>
    public required string Summary { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
