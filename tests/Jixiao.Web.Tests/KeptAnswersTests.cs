using System.Net;
using Jixiao.Web.Security;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// What is kept in memory between requests (the projects list, a token's row, a user's units) is kept only
/// while nothing is committed to the database: a change by this server, by another server on the same
/// database, or by anything else writing to it shows on the next request.
/// </summary>
public sealed class KeptAnswersTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-kept-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task AChangeOnOneServer_ShowsOnTheOthersNextRequest(string provider)
    {
        await using var first = JixiaoApp.Start(provider, loadSample: true, sqliteFile: _database);
        await using var second = JixiaoApp.Start(provider, sqliteFile: _database, postgresDatabase: first.PostgresDatabase);
        var token = first.TokenFor("admin");
        using var onFirst = first.ClientWithToken(token);
        using var onSecond = second.ClientWithToken(token);

        // Asked twice on the second server: the second answer is the kept one, and the same.
        var before = await onSecond.GetStringAsync("/api/projects?pageSize=3", Cancel);
        Assert.Equal(before, await onSecond.GetStringAsync("/api/projects?pageSize=3", Cancel));

        // Renamed through the first server: the second server's next answer has the new name.
        var id = await ProjectsApiTests.ProjectId(first, "社区学习中心运行保障经费", 1);
        var (project, etag) = await ProjectsApiTests.Get(onFirst, id);
        var edit = ProjectsApiTests.Edit(project, _ => null);
        edit["name"] = "社区学习中心夜间开放经费";
        using (var saved = await ProjectsApiTests.Put(onFirst, id, edit, etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var after = await onSecond.GetStringAsync("/api/projects?pageSize=200", Cancel);
        Assert.Contains("社区学习中心夜间开放经费", after, StringComparison.Ordinal);

        // Renamed behind both servers' backs, straight in the database: the next answer follows.
        await first.QueryAsync(db => db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "直接改名的项目"), Cancel));
        Assert.Contains("直接改名的项目", await onSecond.GetStringAsync("/api/projects?pageSize=200", Cancel), StringComparison.Ordinal);

        // The token, used (and so kept) on the second server, is revoked on the first: the second refuses it next.
        var hash = TokenAuthentication.Hash(token);
        var tokenId = await first.QueryAsync(db => db.AccessTokens.Where(t => t.Hash == hash).Select(t => t.Id).SingleAsync(Cancel));
        using (var revoked = await onFirst.DeleteAsync($"/api/tokens/{tokenId}", Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var refused = await onSecond.GetAsync("/api/projects?pageSize=3", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AReviewersUnits_FollowTheirScopeOnTheNextRequest()
    {
        await using var app = JixiaoApp.Start("sqlite", sqliteFile: _database);
        var tenants = await Tenants.CreateAsync(app);
        await tenants.AddDocumentAsync(Tenants.UnitA);
        await tenants.AddDocumentAsync(Tenants.UnitB);
        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        var seen = await Total(reviewer);
        Assert.Equal(seen, await Total(reviewer));

        // The reviewer's scope rows are removed: it sees nothing on its next request.
        await app.QueryAsync(db => db.UserScopes.Where(s => db.Users.Any(u => u.Id == s.UserId && u.UserName == Tenants.FinanceReviewer)).ExecuteDeleteAsync(Cancel));
        Assert.True(seen > 0);
        Assert.Equal(0, await Total(reviewer));
    }

    private static async Task<int> Total(HttpClient client) =>
        (await ProjectsApiTests.Page(client, "?pageSize=1")).GetProperty("total").GetInt32();
}
