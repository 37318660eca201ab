using Jixiao.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Security;

/// <summary>The audit trail is append-only: in the data context and in the database itself.</summary>
public class AuditTrailTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task AuditLines_CannotBeChangedOrDeleted(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        var tenants = await Tenants.CreateAsync(app);
        await tenants.AddDocumentAsync(Tenants.UnitA);
        var count = await app.QueryAsync(db => db.Audit.CountAsync(Cancel));
        Assert.True(count > 0, "importing a table writes an audit line");

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            var line = await db.Audit.FirstAsync(Cancel);
            line.Summary = "改写";
            return await db.SaveChangesAsync(Cancel);
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            db.Audit.Remove(await db.Audit.FirstAsync(Cancel));
            return await db.SaveChangesAsync(Cancel);
        }));

        // Below the application, the database's triggers refuse it too.
        await Assert.ThrowsAnyAsync<Exception>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_trail SET \"Summary\" = 'x'", Cancel)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_trail", Cancel)));
        Assert.Equal(count, await app.QueryAsync(db => db.Audit.CountAsync(Cancel)));
        Assert.DoesNotContain("x", await app.QueryAsync(db => db.Audit.Select(a => a.Summary).ToListAsync(Cancel)));

        // Deleting the table keeps its history.
        var document = await app.QueryAsync(db => db.Documents.Select(d => d.Id).FirstAsync(Cancel));
        using var admin = app.Client();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/documents/{document}", Cancel)).StatusCode);
        var actions = await app.QueryAsync(db => db.Audit.Where(a => a.DocumentId == document).Select(a => a.Action).ToListAsync(Cancel));
        Assert.Equal(["document.import", "document.delete"], actions);
    }
}
