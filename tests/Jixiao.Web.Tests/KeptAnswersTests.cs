using System.Net;
using Jixiao.Web.Security;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task RequestsAskingAtOnce_ShareOneSnapshotQuery_AndNoneIsAnsweredFromAnEarlierOne()
    {
        await using var app = JixiaoApp.Start("postgres");
        var generation = Assert.IsType<Infrastructure.PostgresDataGeneration>(app.Services.GetRequiredService<Infrastructure.DataGeneration>());

        // Two hundred asks at once: far fewer queries than asks, and all see the same number (nothing is written meanwhile).
        var before = generation.Queries;
        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () => await generation.CurrentAsync(Cancel), Cancel)));
        var sent = generation.Queries - before;
        Assert.InRange(sent, 1, 100);
        Assert.Single(numbers.Distinct());
        Assert.NotNull(numbers[0]);

        // A commit after an answer: the next ask, however soon, has a new number.
        await app.AddUnitAsync("东湖区", Data.Records.UnitKinds.Region, null);
        var next = await generation.CurrentAsync(Cancel);
        Assert.NotEqual(numbers[0], next);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task TheTablePage_FollowsAChangeOnTheOtherServer_AndIsKeptPerUser(string provider)
    {
        await using var first = JixiaoApp.Start(provider, sqliteFile: _database);
        await using var second = JixiaoApp.Start(provider, sqliteFile: _database, postgresDatabase: first.PostgresDatabase);
        var tenants = await Tenants.CreateAsync(first);
        var (documentC, projectC) = await tenants.AddDocumentAsync(Tenants.UnitC);
        using var admin = await Tenants.SignInAsync(second, Tenants.Admin);
        using var officer = await Tenants.SignInAsync(second, Tenants.Officer);

        // The administrator's view of unit C's table is kept; the officer, who does not see unit C, still may not.
        var page = await admin.GetStringAsync($"/documents/{documentC}", Cancel);
        using (var again = await admin.GetAsync($"/documents/{documentC}", Cancel))
        {
            // The same page, with its anti-forgery token (still this browser's), and still not to be stored by the browser.
            Assert.Equal(page, await again.Content.ReadAsStringAsync(Cancel));
            Assert.Contains("no-store", again.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        using (var refused = await officer.GetAsync($"/documents/{documentC}", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // Renamed through the first server: the second server's next page has the new name.
        using var api = first.Client();
        var (project, etag) = await ProjectsApiTests.Get(api, projectC);
        var edit = ProjectsApiTests.Edit(project, _ => null);
        edit["name"] = "改名后的丙校项目";
        using (var saved = await ProjectsApiTests.Put(api, projectC, edit, etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        Assert.DoesNotContain("改名后的丙校项目", page, StringComparison.Ordinal);
        page = await admin.GetStringAsync($"/documents/{documentC}", Cancel);
        Assert.Contains("改名后的丙校项目", page, StringComparison.Ordinal);

        // A step refused on the form, which commits nothing: its message shows on the next page, once.
        var (documentA, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        var own = await officer.GetStringAsync($"/documents/{documentA}", Cancel);
        Assert.Equal(own, await officer.GetStringAsync($"/documents/{documentA}", Cancel));
        const string Unconfirmed = "未送审";
        using (var refused = await officer.PostAsync($"/documents/{documentA}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Tenants.FormToken(own),
            ["errors"] = "1",
        }), Cancel))
        {
            // This client follows the redirect back to the page.
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal($"/documents/{documentA}", refused.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains(Unconfirmed, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Unconfirmed, await officer.GetStringAsync($"/documents/{documentA}", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyMissingTheSameValueAtOnce_ReadItOnce_AndReadForThemselvesWhenTheReaderGoesAway()
    {
        var cache = new Infrastructure.GenerationCache<string, int>(16);
        var reads = 0;
        var release = new TaskCompletionSource();
        async Task<int> Read(CancellationToken cancel)
        {
            Interlocked.Increment(ref reads);
            await release.Task.WaitAsync(cancel);
            return 42;
        }

        var asks = Enumerable.Range(0, 20).Select(_ => cache.GetOrReadAsync("list", 7, Read, Cancel).AsTask()).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(asks), value => Assert.Equal(42, value));
        Assert.Equal(1, reads);

        // Kept now: no read. Under the next generation: read again.
        Assert.Equal(42, await cache.GetOrReadAsync("list", 7, Read, Cancel));
        Assert.Equal(1, reads);
        Assert.Equal(42, await cache.GetOrReadAsync("list", 8, Read, Cancel));
        Assert.Equal(2, reads);

        // The first reader's request goes away mid-read: the one waiting on it reads for itself and gets its answer.
        var stuck = new TaskCompletionSource();
        using var gone = new CancellationTokenSource();
        var first = cache.GetOrReadAsync("other", 9, async cancel => { await stuck.Task.WaitAsync(cancel); return 1; }, gone.Token).AsTask();
        var second = cache.GetOrReadAsync("other", 9, _ => Task.FromResult(2), Cancel).AsTask();
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(2, await second);
    }

    private static async Task<int> Total(HttpClient client) =>
        (await ProjectsApiTests.Page(client, "?pageSize=1")).GetProperty("total").GetInt32();
}
