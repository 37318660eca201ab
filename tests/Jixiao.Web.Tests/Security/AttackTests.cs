using Jixiao.Domain.Workflow;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Security;

/// <summary>The common attacks, each refused and written to the audit trail.</summary>
public class AttackTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<List<string>> ActionsAsync(JixiaoApp app) =>
        app.QueryAsync(db => db.Audit.Where(a => a.Kind == "security").Select(a => a.Action).ToListAsync(Cancel));

    [Fact]
    public async Task CrossSiteRequestForgery_WithoutTheToken_IsRefusedAndLogged()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        using var officer = await tenants.SignInAsync(Tenants.Officer);

        // An API write riding on the cookie alone, as a page on another site would send it.
        using var forged = await officer.PostAsync($"/api/documents/{document}/submit", null, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("防伪", await forged.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // A form post without the form's token.
        using var form = await officer.PostAsync($"/documents/{document}?handler=Submit", new FormUrlEncodedContent([]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(WorkState.Draft, await app.QueryAsync(db => db.Documents.Where(d => d.Id == document).Select(d => d.Status).SingleAsync(Cancel)));

        // The same form post with the page's token goes through: the check is a check, not a wall.
        var page = await officer.GetStringAsync($"/documents/{document}", Cancel);
        using var real = await officer.PostAsync($"/documents/{document}?handler=Submit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Tenants.FormToken(page) }), Cancel);
        Assert.True(real.IsSuccessStatusCode || real.StatusCode == HttpStatusCode.Redirect, real.StatusCode.ToString());
        Assert.Equal(WorkState.Submitted, await app.QueryAsync(db => db.Documents.Where(d => d.Id == document).Select(d => d.Status).SingleAsync(Cancel)));
        Assert.Contains("csrf.refused", await ActionsAsync(app));
    }

    [Fact]
    public async Task AnotherUsersCookie_SeesOnlyThatUsersUnits_AndASignedOutCookieIsDead()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        await app.AddUserAsync("officer-b", Data.JixiaoRoles.UnitOfficer, tenants.UnitIds[Tenants.UnitB]);
        var (documentA, projectA) = await tenants.AddDocumentAsync(Tenants.UnitA);

        // B's session cookie, whoever presents it, is B: A's table is not there.
        using var b = await tenants.SignInAsync("officer-b");
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/documents/{documentA}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/projects/{projectA}", Cancel)).StatusCode);
        Assert.DoesNotContain(Tenants.UnitA, await b.GetStringAsync("/documents", Cancel), StringComparison.Ordinal);

        // A cookie copied before sign-out stops working when its owner signs out.
        using var a = await tenants.SignInAsync(Tenants.Officer);
        var cookie = await CookieHeaderAsync(app, a);
        using var copy = app.AnonymousClient();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me", Cancel)).StatusCode);
        var logout = await a.GetStringAsync("/account/logout", Cancel);
        await a.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Tenants.FormToken(logout) }), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me", Cancel)).StatusCode);
        Assert.Contains("access.not-found", await ActionsAsync(app));
    }

    [Fact]
    public async Task OtherUnitsIds_InUrlsAndBodies_AreRefusedWithoutSayingAnything()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (documentA, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        var (documentB, projectB) = await tenants.AddDocumentAsync(Tenants.UnitB);
        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.DepartmentReviewer));

        foreach (var (client, method, url, body) in new (HttpClient, HttpMethod, string, object?)[]
        {
            (officer, HttpMethod.Get, $"/api/documents/{documentB}", null),
            (officer, HttpMethod.Get, $"/api/documents/{documentB}/export?format=csv", null),
            (officer, HttpMethod.Delete, $"/api/documents/{documentB}", null),
            (officer, HttpMethod.Put, $"/api/projects/{projectB}/self-evaluation", Tenants.SelfEvaluationInput()),
            (officer, HttpMethod.Put, $"/api/projects/{projectB}/monitoring/6", Tenants.MonitoringInput()),
            (officer, HttpMethod.Get, $"/api/projects/{projectB}/history", null),
            (reviewer, HttpMethod.Post, $"/api/documents/{documentB}/approve", new { comment = "" }),
        })
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {response.StatusCode}");
            Assert.DoesNotContain(Tenants.UnitB, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // B's project named in a comment on A's table: refused, and B's project is not described.
        using var returned = await reviewer.PostAsJsonAsync($"/api/documents/{documentA}/return",
            new { comments = new[] { new { projectId = projectB, indicatorSeq = (int?)null, text = "看看别人的项目" } } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, returned.StatusCode);
        Assert.DoesNotContain(Tenants.UnitB, await returned.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(WorkState.Submitted, await app.QueryAsync(db => db.Documents.Where(d => d.Id == documentA).Select(d => d.Status).SingleAsync(Cancel)));
        Assert.Equal(WorkState.Draft, await app.QueryAsync(db => db.Documents.Where(d => d.Id == documentB).Select(d => d.Status).SingleAsync(Cancel)));

        // Uploading another unit's table is refused as well.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Tenants.Table(Tenants.UnitB, "2030"))), "file", "b.txt" } };
        using var upload = await officer.PostAsync("/api/documents", form, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.DoesNotContain(Tenants.UnitB, await upload.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var actions = await ActionsAsync(app);
        Assert.Contains("access.not-found", actions);
        Assert.Contains("upload.refused", actions);
    }

    [Fact]
    public async Task AnotherUnitsTable_IsRefusedAlikeThroughThePageAndTheApi_AndRecordedOnceEach()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var table = Encoding.UTF8.GetBytes(Tenants.Table(Tenants.UnitB, "2033"));

        using var api = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var upload = await api.PostAsync("/api/documents", new MultipartFormDataContent { { new ByteArrayContent(table), "file", "b.txt" } }, Cancel);

        using var officer = await tenants.SignInAsync(Tenants.Officer);
        var page = await officer.GetStringAsync("/import", Cancel);
        using var preview = await officer.PostAsync("/import?handler=Preview", new MultipartFormDataContent
        {
            { new StringContent(Tenants.FormToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(table), "file", "b.txt" },
        }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Contains("不是您负责填报的单位", await preview.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(2, (await ActionsAsync(app)).Count(a => a == "upload.refused"));
        Assert.DoesNotContain("access.denied", await ActionsAsync(app));
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
    }

    [Fact]
    public async Task AnotherUsersHeldUpload_CannotBeConfirmed()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        using var officer = await tenants.SignInAsync(Tenants.Officer);
        var page = await officer.GetStringAsync("/import", Cancel);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Tenants.FormToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Tenants.Table(Tenants.UnitA, "2032"))), "file", "a.txt" },
        };
        var preview = await (await officer.PostAsync("/import?handler=Preview", form, Cancel)).Content.ReadAsStringAsync(Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(preview, "name=\"Token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.Equal(32, token.Length);

        // The administrator may import anything, but not the officer's held file by its token.
        using var admin = await tenants.SignInAsync(Tenants.Admin);
        var adminPage = await admin.GetStringAsync("/import", Cancel);
        using var stolen = await admin.PostAsync("/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["FileName"] = "a.txt", ["__RequestVerificationToken"] = Tenants.FormToken(adminPage),
        }), Cancel);
        Assert.Contains("预览已过期或不存在", await stolen.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));

        using var own = await officer.PostAsync("/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["FileName"] = "a.txt", ["__RequestVerificationToken"] = Tenants.FormToken(preview),
        }), Cancel);
        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
    }

    [Fact]
    public async Task ScriptInEveryTextField_IsShownAsText()
    {
        const string script = "<script>alert(1)</script>";
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, project) = await tenants.AddDocumentAsync(Tenants.UnitA);
        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        var version = await app.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync(Cancel));
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{project}")
        {
            Content = JsonContent.Create(new
            {
                name = "项目" + script,
                total = "100.00", fiscalAppropriation = "100.00", specialAccount = "", otherFunds = "",
                goal = "目标" + script,
                indicators = new object[]
                {
                    new { level1 = "产出", name = "人次" + script, targetText = "不少于100人次" + script },
                    new { level1 = "满意度", name = "满意度", targetText = "≥90%" },
                },
            }),
        };
        edit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.OK, (await officer.SendAsync(edit, Cancel)).StatusCode);
        var notes = new { executed = "100", adjustedBudget = "", actuals = new[] { new { seq = 1, actual = "50人次", percent = "", note = "说明" + script } } };
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/projects/{project}/self-evaluation", notes, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/tokens", new { name = "令牌" + script }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/documents/{document}/submit", null, Cancel)).StatusCode);
        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.DepartmentReviewer));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/documents/{document}/return",
            new { comments = new[] { new { projectId = project, indicatorSeq = 1, text = "意见" + script } } }, Cancel)).StatusCode);

        using var pages = await tenants.SignInAsync(Tenants.Officer);
        foreach (var url in new[] { "/", "/documents", $"/documents/{document}", $"/documents/{document}/print", $"/projects/{project}", $"/projects/{project}/history",
            $"/projects/{project}/self-evaluation", $"/projects/{project}/self-evaluation/print", "/search?q=" + Uri.EscapeDataString(script), "/account/tokens" })
        {
            using var response = await pages.GetAsync(url, Cancel);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain(script, html, StringComparison.Ordinal);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;", await pages.GetStringAsync($"/projects/{project}", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedAndMalformedUploads_AreRefusedStoreNothingAndAreLogged()
    {
        await using var app = JixiaoApp.Start("sqlite", maxUploadBytes: 64 * 1024);
        var tenants = await Tenants.CreateAsync(app);
        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        var cases = new (string Name, HttpContent Content, HttpStatusCode Expected)[]
        {
            ("too large", new MultipartFormDataContent { { new ByteArrayContent(new byte[200 * 1024]), "file", "big.txt" } }, HttpStatusCode.RequestEntityTooLarge),
            ("zip bomb", new MultipartFormDataContent { { new ByteArrayContent(TestFiles.ZipBomb()), "file", "bomb.xlsx" } }, HttpStatusCode.BadRequest),
            ("random bytes", new MultipartFormDataContent { { new ByteArrayContent(Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 256)).ToArray()), "file", "x.xlsx" } }, HttpStatusCode.BadRequest),
            ("not multipart", new StringContent("file=abc", Encoding.UTF8, "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType),
            ("broken multipart", new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"", Encoding.UTF8, "multipart/form-data"), HttpStatusCode.BadRequest),
        };
        foreach (var (name, content, expected) in cases)
        {
            using (content)
            {
                using var response = await officer.PostAsync("/api/documents", content, Cancel);
                Assert.True(response.StatusCode == expected, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            }
        }

        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        // Every refusal the upload endpoint itself answers is recorded (the wrong content type never reaches it).
        Assert.True((await ActionsAsync(app)).Count(a => a is "upload.refused" or "upload.too-large") >= cases.Length - 1, string.Join(",", await ActionsAsync(app)));
    }

    [Fact]
    public async Task BruteForceLogin_LocksTheAccount_ThenRateLimitsTheAddress_AllLogged()
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:RateLimit:LoginPerMinute"] = "10" });
        await Tenants.CreateAsync(app);
        using var client = app.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var form = await client.GetStringAsync("/account/login", Cancel);
            using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = Tenants.Officer,
                ["Password"] = attempt == 6 ? JixiaoApp.UserPassword : "guess-" + attempt,
                ["__RequestVerificationToken"] = Tenants.FormToken(form),
            }), Cancel);
            statuses.Add(response.StatusCode);
            if (attempt == 6)
            {
                // The right password after five wrong ones: the account is locked, so it does not sign in.
                Assert.Contains("锁定", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using var anonymous = await client.GetAsync("/api/me", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("未登录", await anonymous.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var actions = await ActionsAsync(app);
        // The fifth wrong password is the one that locks the account, so it is recorded as the lock-out.
        Assert.Equal(Data.Accounts.MaxFailedAttempts - 1, actions.Count(a => a == "login.failed"));
        Assert.Contains("login.locked-out", actions);
        Assert.Contains("rate-limited", actions);
    }

    [Theory]
    [InlineData(false, "127.0.0.1")]
    [InlineData(true, "203.0.113.7")]
    public async Task ForwardedAddress_IsBelievedOnlyBehindAProxy(bool behindProxy, string recorded)
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:BehindProxy"] = behindProxy ? "true" : "false" });
        using var client = app.AnonymousClient();
        var form = await client.GetStringAsync("/account/login", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "nobody", ["Password"] = "wrong-2026", ["__RequestVerificationToken"] = Tenants.FormToken(form),
            }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        await client.SendAsync(request, Cancel);
        Assert.Equal(recorded, await app.QueryAsync(db => db.Audit.Where(a => a.Action == "login.failed").Select(a => a.Address).SingleAsync(Cancel)));
    }

    /// <summary>The cookies a signed-in client holds, as a Cookie header, to replay them from another client.</summary>
    private static async Task<string> CookieHeaderAsync(JixiaoApp app, HttpClient signedIn)
    {
        // The test client keeps its cookies internally; read them back through an echo of what the server received.
        _ = app;
        using var response = await signedIn.GetAsync("/api/me", Cancel);
        var header = response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        Assert.False(string.IsNullOrEmpty(header), "the signed-in client sent no cookie");
        return header;
    }
}
