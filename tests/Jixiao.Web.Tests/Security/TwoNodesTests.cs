using System.Net;

namespace Jixiao.Web.Tests.Security;

/// <summary>
/// Two web servers on one database sharing a key-ring folder (<c>Jixiao:DataProtectionKeys</c>), as behind a
/// round-robin proxy: a session begun on one is honoured on the other, a form token from one is accepted by
/// the other, and signing out on one ends the session on both.
/// </summary>
public sealed class TwoNodesTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-two-{Guid.NewGuid():N}.db");

    private readonly string _keys = Directory.CreateTempSubdirectory("jixiao-keys-").FullName;

    public void Dispose()
    {
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task ASessionBegunOnOneNode_IsHonouredOnTheOther_AndSigningOutOnEitherEndsIt()
    {
        var settings = new Dictionary<string, string> { ["Jixiao:DataProtectionKeys"] = _keys };
        await using var first = JixiaoApp.Start("sqlite", sqliteFile: _database, settings: settings);
        var tenants = await Tenants.CreateAsync(first);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        await using var second = JixiaoApp.Start("sqlite", sqliteFile: _database, settings: settings);
        var a = first.ClientOptions.BaseAddress;
        var b = second.ClientOptions.BaseAddress;
        Assert.NotEqual(a, b);

        // One browser: cookies are per host, not per port, as through one proxy address.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies });
        var login = await browser.GetStringAsync(new Uri(a, "/account/login"), Cancel);
        using var signedIn = await browser.PostAsync(new Uri(a, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = Tenants.Officer, ["Password"] = JixiaoApp.UserPassword, ["__RequestVerificationToken"] = Tenants.FormToken(login),
        }), Cancel);
        Assert.NotEmpty(Directory.GetFiles(_keys, "*.xml"));

        using var me = await browser.GetAsync(new Uri(b, "/api/me"), Cancel);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(Tenants.Officer, await me.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // A form token from the first node's page is good on the second.
        var page = await browser.GetStringAsync(new Uri(a, $"/documents/{document}"), Cancel);
        using var submit = new HttpRequestMessage(HttpMethod.Post, new Uri(b, $"/api/documents/{document}/submit"));
        submit.Headers.Add("X-CSRF-TOKEN", Tenants.FormToken(page));
        using var submitted = await browser.SendAsync(submit, Cancel);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        // Signing out on the second ends the session on the first too, even for a copy of the cookie kept from before.
        var kept = cookies.GetCookieHeader(a);
        var logout = await browser.GetStringAsync(new Uri(b, "/account/logout"), Cancel);
        using var signedOut = await browser.PostAsync(new Uri(b, "/account/logout"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Tenants.FormToken(logout),
        }), Cancel);
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(a, "/api/me"));
        stale.Headers.Add("Cookie", kept);
        using var after = await replay.SendAsync(stale, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
