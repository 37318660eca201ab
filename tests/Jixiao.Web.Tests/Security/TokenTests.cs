using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Security;

/// <summary>Requests with a token read and never write; what the account becomes still takes effect at once.</summary>
public class TokenTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARead_WithAToken_WritesNothing_ItsUseIsRecordedLaterAtMostOnceAMinute()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        var auditBefore = await app.QueryAsync(db => db.Audit.CountAsync(Cancel));
        for (var i = 0; i < 5; i++)
        {
            using var read = await officer.GetAsync("/api/projects", Cancel);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Null(await app.QueryAsync(db => db.AccessTokens.Select(t => t.LastUsedAt).SingleAsync(Cancel)));
        Assert.Equal(auditBefore, await app.QueryAsync(db => db.Audit.CountAsync(Cancel)));

        var writer = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Web.Security.TokenUseWriter>().Single();
        await writer.WriteAsync(Cancel);
        var used = await app.QueryAsync(db => db.AccessTokens.Select(t => t.LastUsedAt).SingleAsync(Cancel));
        Assert.NotNull(used);

        // Used again within the minute: nothing more to write.
        using var again = await officer.GetAsync("/api/projects", Cancel);
        Assert.Empty(app.Services.GetRequiredService<Web.Security.TokenUse>().Take());
        Assert.Equal(used, await app.QueryAsync(db => db.AccessTokens.Select(t => t.LastUsedAt).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Revoking_LockingOrChangingTheRole_TakesEffectOnTheNextRequest()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA, Domain.Workflow.WorkState.Submitted);
        var token = app.TokenFor(Tenants.DepartmentReviewer);
        using var reviewer = app.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/me", Cancel)).StatusCode);

        // A new role (a new security stamp): the same token now acts as an officer, who may not approve.
        using var admin = app.Client();
        var userId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Tenants.DepartmentReviewer).Select(u => u.Id).SingleAsync(Cancel));
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Web.Security.CurrentUser>().ActAsSystem();
            var service = scope.ServiceProvider.GetRequiredService<Web.Features.Admin.AdminService>();
            var changed = await service.UpdateUserAsync(userId, Data.JixiaoRoles.UnitOfficer, [tenants.UnitIds[Tenants.UnitA]]);
            Assert.True(changed.IsDone, changed.Message);
        }

        using var refused = await reviewer.PostAsync($"/api/documents/{document}/approve", null, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Revoked: refused at once.
        await app.QueryAsync(db => db.AccessTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, (await reviewer.GetAsync("/api/me", Cancel)).StatusCode);
    }
}
