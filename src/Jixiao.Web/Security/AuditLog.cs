using System.Text.Json;

namespace Jixiao.Web.Security;

/// <summary>
/// Writes the audit trail. A change is added to the request's context and so saved in the same
/// transaction as the change itself; a refused request is written at once through a context of its own
/// (and to the log), so nothing else of the request is saved with it.
/// </summary>
public sealed class AuditLog(JixiaoDbContext db, CurrentUser user, TimeProvider time, IServiceScopeFactory scopes, ILogger<AuditLog> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a before or after state for the trail.</summary>
    public static string? Snapshot(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <summary>Adds a change to the request's context; the caller's SaveChanges stores it with the change.</summary>
    public void Change(string action, string summary, int? unitId, int? documentId = null, int? projectId = null, object? before = null, object? after = null)
    {
        db.Audit.Add(new AuditRecord
        {
            At = time.GetUtcNow(),
            Kind = "change",
            Action = action,
            UserId = user.Id,
            UserName = user.IsSignedIn ? user.UserName : "system",
            Address = user.Address,
            UnitId = unitId,
            DocumentId = documentId,
            ProjectId = projectId,
            Summary = summary,
            Before = before as string ?? Snapshot(before),
            After = after as string ?? Snapshot(after),
        });
    }

    /// <summary>True once this request's refusal has been recorded, so that it is recorded once.</summary>
    public bool RefusalRecorded { get; private set; }

    /// <summary>Records a refused request (failed sign-in, forgery, another unit's object…) at once, and logs it.</summary>
    public async Task SecurityAsync(string action, string summary, string? userName = null)
    {
        RefusalRecorded = true;
        logger.LogWarning("Refused: {Action} by {User} from {Address}: {Summary}", action, userName ?? user.UserName, user.Address, summary);
        using var scope = scopes.CreateScope();
        var own = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        own.Audit.Add(new AuditRecord
        {
            At = time.GetUtcNow(),
            Kind = "security",
            Action = action,
            UserId = user.Id,
            UserName = userName ?? (user.IsSignedIn ? user.UserName : ""),
            Address = user.Address,
            Summary = summary.Length > 500 ? summary[..500] : summary,
        });
        await own.SaveChangesAsync();
    }
}
