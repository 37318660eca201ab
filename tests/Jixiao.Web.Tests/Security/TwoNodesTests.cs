using System.Net;

namespace Jixiao.Web.Tests.Security;

/// <summary>
/// Two web servers on one database sharing a key ring (in the database, or in the folder
/// <c>Jixiao:DataProtectionKeys</c>), as behind a round-robin proxy: a session begun on one is honoured on the other, a form token from one is accepted by
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

    /// <summary>haproxy from Debian, which ./test.sh installs.</summary>
    private const string Haproxy = "/usr/sbin/haproxy";

    [Fact]
    public async Task ThroughARoundRobinProxy_OnPostgres_SessionsHold_SignOutEndsThem_AndARetriedImportIsStoredOnce()
    {
        if (!File.Exists(Haproxy))
        {
            Assert.Skip($"{Haproxy} is not installed (./test.sh installs Debian's haproxy when run as root); the proxy test needs it.");
        }

        // No key folder: the two servers share the key ring through the database.
        var settings = new Dictionary<string, string> { ["Jixiao:BehindProxy"] = "true" };
        await using var first = JixiaoApp.Start("postgres", settings: settings);
        var tenants = await Tenants.CreateAsync(first);
        await using var second = JixiaoApp.Start("postgres", settings: settings, postgresDatabase: first.PostgresDatabase);

        var port = FreePort();
        var config = Path.Combine(_keys, "haproxy.cfg");
        File.WriteAllText(config, $"""
            defaults
                mode http
                timeout connect 5s
                timeout client 60s
                timeout server 60s
            frontend jixiao
                bind 127.0.0.1:{port}
                default_backend nodes
            backend nodes
                balance roundrobin
                http-response set-header X-Served-By %[srv_name]
                server first {first.ClientOptions.BaseAddress.Authority}
                server second {second.ClientOptions.BaseAddress.Authority}

            """);
        using var proxy = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Haproxy, ["-f", config, "-db"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            var address = new Uri($"http://127.0.0.1:{port}");
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
            string login = "";
            for (var i = 0; i < 50 && login.Length == 0; i++)
            {
                try
                {
                    login = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative), Cancel);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100, Cancel);
                }
            }

            // Sign in through the proxy; the next requests alternate between the two servers and all are signed in.
            using var signedIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = Tenants.Officer, ["Password"] = JixiaoApp.UserPassword, ["__RequestVerificationToken"] = Tenants.FormToken(login),
            }), Cancel);
            var served = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                using var me = await browser.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel);
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
                served.Add(me.Headers.GetValues("X-Served-By").Single());
            }

            // The proxy names the server that answered: they took turns.
            Assert.Equal(["first", "second"], served.Distinct().Order());
            Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));

            Assert.NotEqual(0, await first.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys, Cancel)));

            // An import retried with the same key, through the proxy (so to both servers), is stored once.
            var page = await browser.GetStringAsync(new Uri("/import", UriKind.Relative), Cancel);
            var ids = new List<int>();
            var importedBy = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Tenants.Table(Tenants.UnitA))), "file", "a.txt" } };
                using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/documents?duplicate=keep", UriKind.Relative)) { Content = form };
                upload.Headers.Add("Idempotency-Key", "proxy-retry-1");
                upload.Headers.Add("X-CSRF-TOKEN", Tenants.FormToken(page));
                using var stored = await browser.SendAsync(upload, Cancel);
                Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync(Cancel));
                importedBy.Add(stored.Headers.GetValues("X-Served-By").Single());
                ids.Add((await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(stored.Content, Cancel)).GetProperty("id").GetInt32());
            }

            Assert.Single(ids.Distinct());
            Assert.Equal(2, importedBy.Distinct().Count());

            // A token made through the proxy works on both servers; revoked through the proxy, it is refused by both.
            var tokenPage = await browser.GetStringAsync(new Uri("/import", UriKind.Relative), Cancel);
            using var made = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tokens", UriKind.Relative)) { Content = System.Net.Http.Json.JsonContent.Create(new { name = "proxy" }) };
            made.Headers.Add("X-CSRF-TOKEN", Tenants.FormToken(tokenPage));
            using var madeResponse = await browser.SendAsync(made, Cancel);
            Assert.True(madeResponse.IsSuccessStatusCode, await madeResponse.Content.ReadAsStringAsync(Cancel));
            var tokenJson = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(madeResponse.Content, Cancel);
            var token = tokenJson.GetProperty("token").GetString()!;
            async Task<HttpStatusCode> WithTokenAsync(Uri node)
            {
                using var bare = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = node };
                bare.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var answer = await bare.GetAsync(new Uri("/api/me", UriKind.Relative), Cancel);
                return answer.StatusCode;
            }

            Assert.Equal(HttpStatusCode.OK, await WithTokenAsync(first.ClientOptions.BaseAddress));
            Assert.Equal(HttpStatusCode.OK, await WithTokenAsync(second.ClientOptions.BaseAddress));
            using var revoke = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/tokens/{tokenJson.GetProperty("id").GetInt32()}", UriKind.Relative));
            revoke.Headers.Add("X-CSRF-TOKEN", Tenants.FormToken(tokenPage));
            using var revoked = await browser.SendAsync(revoke, Cancel);
            Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(HttpStatusCode.Unauthorized, await WithTokenAsync(first.ClientOptions.BaseAddress));
            Assert.Equal(HttpStatusCode.Unauthorized, await WithTokenAsync(second.ClientOptions.BaseAddress));
            Assert.Equal(1, await first.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Documents, Cancel)));

            // Sign out through the proxy: a kept copy of the cookie is refused by both servers.
            var kept = cookies.GetCookieHeader(address);
            var logout = await browser.GetStringAsync(new Uri("/account/logout", UriKind.Relative), Cancel);
            using var signedOut = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Tenants.FormToken(logout),
            }), Cancel);
            using var replay = new HttpClient(new HttpClientHandler { UseCookies = false });
            foreach (var node in new[] { first.ClientOptions.BaseAddress, second.ClientOptions.BaseAddress })
            {
                using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(node, "/api/me"));
                stale.Headers.Add("Cookie", kept);
                using var after = await replay.SendAsync(stale, Cancel);
                Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            }
        }
        finally
        {
            proxy.Kill();
            await proxy.WaitForExitAsync(Cancel);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
