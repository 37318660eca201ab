using Jixiao.Domain.Workflow;
using System.Net;
using System.Net.Http.Json;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Security;

/// <summary>
/// Every endpoint of the running application (API endpoints by method, pages by GET and each page's POST
/// handlers) × every role × a unit
/// of the role's own and one it must not see. The endpoint list comes from the application itself: an
/// endpoint without a request below, or without a declared access, fails the test. Allowed answers are
/// 2xx (or a redirect after a form post); refused ones 403 or 404; and no answer to anyone carries the name of a unit they cannot see.
/// </summary>
public class AccessMatrixTests
{
    /// <summary>What an endpoint's request acts on.</summary>
    private enum Target
    {
        /// <summary>An object of the chosen unit (document, project, report, or a table naming it).</summary>
        Unit,

        /// <summary>Nothing of a unit: a list, an account page, an administration endpoint.</summary>
        None,

        /// <summary>One of the user's own tokens (own) or another user's (other).</summary>
        OwnToken,
    }

    /// <summary>The state a case needs before its request.</summary>
    private enum Setup
    {
        Draft,
        Submitted,
        Approved,
        ReportsDraft,
        ReportsSubmitted,
    }

    /// <summary>What a case knows when it builds its request.</summary>
    private sealed record Case(string Unit, int UnitId, int Document, int Project, int ProjectVersion, int Token, string User, int Comment);

    /// <summary>How to call one endpoint.</summary>
    /// <param name="Target">What the request acts on.</param>
    /// <param name="Setup">The state the case needs first.</param>
    /// <param name="Request">Builds the request.</param>
    /// <param name="ListsOwnUnit">A list whose answer must include the user's own unit.</param>
    /// <param name="IsErrorPage">The error page answers with the status it describes; it succeeds when it is shown rather than refused.</param>
    /// <param name="OwnSession">The request ends the session it is sent in (sign-out), so it is sent in a session of its own.</param>
    /// <param name="BatchOf">A batch decision: the request succeeds for anyone with the access, and says table by table whether each was decided; the table of a unit the user cannot see must not be.</param>
    private sealed record Sample(Target Target, Setup Setup, Func<Case, HttpRequestMessage> Request, bool ListsOwnUnit = false, bool IsErrorPage = false, bool OwnSession = false, bool BatchOf = false);

    /// <summary>A page's form post (the anti-forgery token is added when it is sent).</summary>
    private static HttpRequestMessage Form(string url, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) };

    /// <summary>The import page's preview post with a table of the case's unit.</summary>
    private static HttpRequestMessage PreviewForm(Case c) => new(HttpMethod.Post, "/import?handler=Preview")
    {
        Content = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Tenants.Table(c.Unit, "2032"))), "file", c.Unit + ".txt" },
        },
    };

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static HttpRequestMessage Upload(Case c)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Tenants.Table(c.Unit, "2031"))), "file", c.Unit + ".txt" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/documents?duplicate=keep") { Content = form };
    }

    /// <summary>One request per endpoint, keyed by method and route pattern.</summary>
    private static readonly Dictionary<string, Sample> Samples = new()
    {
        ["GET /healthz"] = new(Target.None, Setup.Draft, _ => Get("/healthz")),
        ["GET /openapi/{documentName}.json"] = new(Target.None, Setup.Draft, _ => Get("/openapi/v1.json")),
        ["POST /api/documents/"] = new(Target.Unit, Setup.Draft, Upload),
        ["GET /api/documents/"] = new(Target.None, Setup.Draft, _ => Get("/api/documents"), ListsOwnUnit: true),
        ["GET /api/documents/{id:int}"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}")),
        ["GET /api/documents/{id:int}/review"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/review")),
        ["GET /api/documents/{id:int}/export"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/export?format=json")),
        ["DELETE /api/documents/{id:int}"] = new(Target.Unit, Setup.Draft, c => Send(HttpMethod.Delete, $"/api/documents/{c.Document}")),
        ["POST /api/documents/{id:int}/submit"] = new(Target.Unit, Setup.Draft, c => Send(HttpMethod.Post, $"/api/documents/{c.Document}/submit")),
        ["POST /api/documents/{id:int}/return"] = new(Target.Unit, Setup.Submitted, c => Send(HttpMethod.Post, $"/api/documents/{c.Document}/return", new { comment = "请补充指标。" })),
        ["POST /api/documents/{id:int}/approve"] = new(Target.Unit, Setup.Submitted, c => Send(HttpMethod.Post, $"/api/documents/{c.Document}/approve", new { comment = "" })),
        ["POST /api/documents/{id:int}/withdraw"] = new(Target.Unit, Setup.Submitted, c => Send(HttpMethod.Post, $"/api/documents/{c.Document}/withdraw")),
        ["POST /api/documents/{id:int}/adjust"] = new(Target.Unit, Setup.Approved, c => Send(HttpMethod.Post, $"/api/documents/{c.Document}/adjust")),
        ["POST /api/documents/approve"] = new(Target.Unit, Setup.Submitted, c => Send(HttpMethod.Post, "/api/documents/approve", new { ids = new[] { c.Document }, comment = "" }), BatchOf: true),
        ["POST /api/documents/return"] = new(Target.Unit, Setup.Submitted, c => Send(HttpMethod.Post, "/api/documents/return", new { ids = new[] { c.Document }, comment = "请补充。" }), BatchOf: true),
        ["GET /api/documents/{id:int}/opinion"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/opinion")),
        ["GET /api/documents/{id:int}/versions"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/versions")),
        ["GET /api/documents/{id:int}/diff"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/diff?from=1&to=1")),
        ["POST /api/documents/{id:int}/comments/{commentId:int}/answer"] = new(Target.Unit, Setup.Draft,
            c => Send(HttpMethod.Post, $"/api/documents/{c.Document}/comments/{c.Comment}/answer", new { answer = "已按意见修改。", done = true })),
        ["GET /api/documents/{id:int}/comments"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/comments")),
        ["GET /api/documents/{id:int}/history"] = new(Target.Unit, Setup.Draft, c => Get($"/api/documents/{c.Document}/history")),
        ["GET /api/projects/"] = new(Target.None, Setup.Draft, c => Get("/api/projects?q=" + Uri.EscapeDataString("教师培训")), ListsOwnUnit: true),
        ["GET /api/projects/{id:int}"] = new(Target.Unit, Setup.Draft, c => Get($"/api/projects/{c.Project}")),
        ["PUT /api/projects/{id:int}"] = new(Target.Unit, Setup.Draft, c => Send(HttpMethod.Put, $"/api/projects/{c.Project}", Tenants.ProjectEdit(c.Unit), $"\"{c.ProjectVersion}\"")),
        ["GET /api/projects/{id:int}/history"] = new(Target.Unit, Setup.Draft, c => Get($"/api/projects/{c.Project}/history")),
        ["GET /api/targets/parse"] = new(Target.None, Setup.Draft, _ => Get("/api/targets/parse?text=" + Uri.EscapeDataString("≥95%"))),
        ["GET /api/projects/{id:int}/self-evaluation/"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/api/projects/{c.Project}/self-evaluation")),
        ["PUT /api/projects/{id:int}/self-evaluation/"] = new(Target.Unit, Setup.Draft, c => Send(HttpMethod.Put, $"/api/projects/{c.Project}/self-evaluation", Tenants.SelfEvaluationInput())),
        ["GET /api/projects/{id:int}/self-evaluation/export"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/api/projects/{c.Project}/self-evaluation/export")),
        ["POST /api/projects/{id:int}/self-evaluation/submit"] = new(Target.Unit, Setup.ReportsDraft, c => Send(HttpMethod.Post, $"/api/projects/{c.Project}/self-evaluation/submit")),
        ["POST /api/projects/{id:int}/self-evaluation/return"] = new(Target.Unit, Setup.ReportsSubmitted, c => Send(HttpMethod.Post, $"/api/projects/{c.Project}/self-evaluation/return", new { comment = "实绩依据不足。" })),
        ["POST /api/projects/{id:int}/self-evaluation/approve"] = new(Target.Unit, Setup.ReportsSubmitted, c => Send(HttpMethod.Post, $"/api/projects/{c.Project}/self-evaluation/approve", new { comment = "" })),
        ["GET /api/projects/{id:int}/monitoring/{month:int}/"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/api/projects/{c.Project}/monitoring/6")),
        ["PUT /api/projects/{id:int}/monitoring/{month:int}/"] = new(Target.Unit, Setup.Draft, c => Send(HttpMethod.Put, $"/api/projects/{c.Project}/monitoring/6", Tenants.MonitoringInput())),
        ["GET /api/projects/{id:int}/monitoring/{month:int}/export"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/api/projects/{c.Project}/monitoring/6/export")),
        ["POST /api/projects/{id:int}/monitoring/{month:int}/submit"] = new(Target.Unit, Setup.ReportsDraft, c => Send(HttpMethod.Post, $"/api/projects/{c.Project}/monitoring/6/submit")),
        ["POST /api/projects/{id:int}/monitoring/{month:int}/return"] = new(Target.Unit, Setup.ReportsSubmitted, c => Send(HttpMethod.Post, $"/api/projects/{c.Project}/monitoring/6/return", new { comment = "进度说明不清。" })),
        ["POST /api/projects/{id:int}/monitoring/{month:int}/approve"] = new(Target.Unit, Setup.ReportsSubmitted, c => Send(HttpMethod.Post, $"/api/projects/{c.Project}/monitoring/6/approve", new { comment = "" })),
        ["GET /api/me"] = new(Target.None, Setup.Draft, _ => Get("/api/me")),
        ["GET /api/tokens"] = new(Target.None, Setup.Draft, _ => Get("/api/tokens")),
        ["POST /api/tokens"] = new(Target.None, Setup.Draft, _ => Send(HttpMethod.Post, "/api/tokens", new { name = "脚本", days = 30 })),
        ["DELETE /api/tokens/{tokenId:int}"] = new(Target.OwnToken, Setup.Draft, c => Send(HttpMethod.Delete, $"/api/tokens/{c.Token}")),
        ["GET /api/units"] = new(Target.None, Setup.Draft, _ => Get("/api/units"), ListsOwnUnit: true),
        ["POST /api/units"] = new(Target.None, Setup.Draft, _ => Send(HttpMethod.Post, "/api/units", new { name = "新单位" + Guid.NewGuid().ToString("N")[..6], kind = "unit", parentId = (int?)null })),
        ["GET /api/users"] = new(Target.None, Setup.Draft, _ => Get("/api/users")),
        ["POST /api/users"] = new(Target.None, Setup.Draft, c => Send(HttpMethod.Post, "/api/users", new { userName = "u" + Guid.NewGuid().ToString("N")[..8], role = "unit-officer", unitIds = new[] { c.UnitId } })),
        ["GET /api/audit"] = new(Target.None, Setup.Draft, _ => Get("/api/audit")),
        ["GET /api/seasons/"] = new(Target.None, Setup.Draft, _ => Get("/api/seasons")),
        ["POST /api/seasons/"] = new(Target.None, Setup.Draft, _ => Send(HttpMethod.Post, "/api/seasons", new { year = 2040, targetsDue = "2040-03-31" })),
        ["GET /api/seasons/{year:int}/export"] = new(Target.None, Setup.Draft, _ => Get("/api/seasons/2031/export")),
        ["GET /api/seasons/{year:int}/progress"] = new(Target.None, Setup.Draft, _ => Get("/api/seasons/2040/progress")),
        ["GET /seasons"] = new(Target.None, Setup.Draft, _ => Get("/seasons")),
        ["GET /seasons/{year:int}"] = new(Target.None, Setup.Draft, _ => Get("/seasons/2040")),
        ["POST /seasons"] = new(Target.None, Setup.Draft, _ => Form("/seasons", ("Form.Year", "2040"), ("Form.TargetsDue", "2040-03-31"))),

        ["GET /"] = new(Target.None, Setup.Draft, _ => Get("/")),
        ["GET /error"] = new(Target.None, Setup.Draft, _ => Get("/error"), IsErrorPage: true),
        ["GET /search"] = new(Target.None, Setup.Draft, _ => Get("/search?q=" + Uri.EscapeDataString("教师培训")), ListsOwnUnit: true),
        ["GET /documents"] = new(Target.None, Setup.Draft, _ => Get("/documents"), ListsOwnUnit: true),
        ["GET /monitoring"] = new(Target.None, Setup.ReportsDraft, _ => Get("/monitoring")),
        ["GET /import"] = new(Target.None, Setup.Draft, _ => Get("/import")),
        ["GET /documents/{id:int}"] = new(Target.Unit, Setup.Draft, c => Get($"/documents/{c.Document}")),
        ["GET /documents/{id:int}/print"] = new(Target.Unit, Setup.Draft, c => Get($"/documents/{c.Document}/print")),
        ["GET /documents/{id:int}/opinion"] = new(Target.Unit, Setup.Draft, c => Get($"/documents/{c.Document}/opinion")),
        ["GET /documents/{id:int}/diff"] = new(Target.Unit, Setup.Draft, c => Get($"/documents/{c.Document}/diff?from=1&to=1")),
        ["GET /projects/{id:int}"] = new(Target.Unit, Setup.Draft, c => Get($"/projects/{c.Project}")),
        ["GET /projects/{id:int}/edit"] = new(Target.Unit, Setup.Draft, c => Get($"/projects/{c.Project}/edit")),
        ["GET /projects/{id:int}/compare"] = new(Target.Unit, Setup.Draft, c => Get($"/projects/{c.Project}/compare")),
        ["GET /projects/{id:int}/history"] = new(Target.Unit, Setup.Draft, c => Get($"/projects/{c.Project}/history")),
        ["GET /projects/{id:int}/self-evaluation"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/projects/{c.Project}/self-evaluation")),
        ["GET /projects/{id:int}/self-evaluation/print"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/projects/{c.Project}/self-evaluation/print")),
        ["GET /projects/{id:int}/monitoring"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/projects/{c.Project}/monitoring?month=6")),
        ["GET /projects/{id:int}/monitoring/{month:int}/print"] = new(Target.Unit, Setup.ReportsDraft, c => Get($"/projects/{c.Project}/monitoring/6/print")),
        ["GET /account/login"] = new(Target.None, Setup.Draft, _ => Get("/account/login")),
        ["GET /account/logout"] = new(Target.None, Setup.Draft, _ => Get("/account/logout")),
        ["GET /account/password"] = new(Target.None, Setup.Draft, _ => Get("/account/password")),
        ["GET /account/tokens"] = new(Target.None, Setup.Draft, _ => Get("/account/tokens")),
        ["GET /admin/users"] = new(Target.None, Setup.Draft, _ => Get("/admin/users")),
        ["GET /admin/units"] = new(Target.None, Setup.Draft, _ => Get("/admin/units")),
        ["GET /admin/audit"] = new(Target.None, Setup.Draft, _ => Get("/admin/audit")),

        // Every page's form post, by handler.
        ["POST /error"] = new(Target.None, Setup.Draft, _ => Form("/error"), IsErrorPage: true),
        ["POST /account/login"] = new(Target.None, Setup.Draft, c => Form("/account/login",
            ("UserName", c.User), ("Password", c.User == Tenants.Admin ? JixiaoApp.AdminPassword : JixiaoApp.UserPassword))),
        ["POST /account/logout"] = new(Target.None, Setup.Draft, _ => Form("/account/logout"), OwnSession: true),
        ["POST /account/password"] = new(Target.None, Setup.Draft, _ => Form("/account/password", ("Current", "wrong-2031"), ("New", "x"), ("Repeat", "y"))),
        ["POST /account/tokens?handler=Create"] = new(Target.None, Setup.Draft, _ => Form("/account/tokens?handler=Create", ("Name", "矩阵"), ("Days", "30"))),
        ["POST /account/tokens?handler=Revoke"] = new(Target.OwnToken, Setup.Draft, c => Form($"/account/tokens?handler=Revoke&tokenId={c.Token}")),
        ["POST /admin/users?handler=Create"] = new(Target.None, Setup.Draft, c => Form("/admin/users?handler=Create",
            ("NewUserName", "p" + Guid.NewGuid().ToString("N")[..8]), ("NewRole", "unit-officer"), ("NewUnits", c.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        ["POST /admin/users?handler=Reset"] = new(Target.None, Setup.Draft, _ => Form("/admin/users?handler=Reset", ("userId", "none"))),
        ["POST /admin/users?handler=Change"] = new(Target.None, Setup.Draft, _ => Form("/admin/users?handler=Change", ("ChangeUserId", "none"), ("NewRole", "unit-officer"))),
        ["POST /admin/users?handler=Active"] = new(Target.None, Setup.Draft, _ => Form("/admin/users?handler=Active", ("userId", "none"), ("active", "true"))),
        ["POST /admin/units"] = new(Target.None, Setup.Draft, _ => Form("/admin/units", ("Name", "矩阵新单位" + Guid.NewGuid().ToString("N")[..6]), ("Kind", "region"))),
        ["POST /import?handler=Preview"] = new(Target.Unit, Setup.Draft, PreviewForm),
        ["POST /import?handler=Confirm"] = new(Target.None, Setup.Draft, _ => Form("/import?handler=Confirm", ("Token", "none"), ("FileName", "a.txt"))),
        ["POST /import?handler=Cancel"] = new(Target.None, Setup.Draft, _ => Form("/import?handler=Cancel", ("Token", "none"))),
        ["POST /import?handler=Turn"] = new(Target.None, Setup.Draft, _ => Form("/import?handler=Turn", ("Token", "none"), ("FileName", "a.txt"), ("p", "2"))),
        ["POST /documents/{id:int}?handler=Submit"] = new(Target.Unit, Setup.Draft, c => Form($"/documents/{c.Document}?handler=Submit", ("acknowledged", "true"))),
        ["POST /documents?handler=Batch"] = new(Target.Unit, Setup.Submitted, c => Form("/documents?handler=Batch",
            ("ids", c.Document.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("decision", "approve"), ("confirmed", "true")), BatchOf: true),
        ["POST /documents/{id:int}?handler=Answer"] = new(Target.Unit, Setup.Draft, c => Form($"/documents/{c.Document}?handler=Answer",
            ("commentId", c.Comment.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("answer", "已修改。"), ("done", "true"))),
        ["POST /documents/{id:int}?handler=Delete"] = new(Target.Unit, Setup.Draft, c => Form($"/documents/{c.Document}?handler=Delete", ("confirmed", "true"))),
        ["POST /documents/{id:int}?handler=Withdraw"] = new(Target.Unit, Setup.Submitted, c => Form($"/documents/{c.Document}?handler=Withdraw")),
        ["POST /documents/{id:int}?handler=Approve"] = new(Target.Unit, Setup.Submitted, c => Form($"/documents/{c.Document}?handler=Approve", ("confirmed", "true"))),
        ["POST /documents/{id:int}?handler=Return"] = new(Target.Unit, Setup.Submitted, c => Form($"/documents/{c.Document}?handler=Return", ("comment", "请补充指标。"))),
        ["POST /documents/{id:int}?handler=Adjust"] = new(Target.Unit, Setup.Approved, c => Form($"/documents/{c.Document}?handler=Adjust")),
        ["POST /projects/{id:int}/edit"] = new(Target.Unit, Setup.Draft, c => Form($"/projects/{c.Project}/edit",
            ("Form.Version", c.ProjectVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Name", "教师培训"),
            ("Form.Rows[0].Order", "1"), ("Form.Rows[0].Level1", "output"), ("Form.Rows[0].Name", "培训人次"), ("Form.Rows[0].TargetText", "不少于120人次"))),
        ["POST /projects/{id:int}/self-evaluation"] = new(Target.Unit, Setup.Draft, c => Form($"/projects/{c.Project}/self-evaluation", ("Executed", "100.00"))),
        ["POST /projects/{id:int}/self-evaluation?handler=Submit"] = new(Target.Unit, Setup.ReportsDraft, c => Form($"/projects/{c.Project}/self-evaluation?handler=Submit")),
        ["POST /projects/{id:int}/self-evaluation?handler=Approve"] = new(Target.Unit, Setup.ReportsSubmitted, c => Form($"/projects/{c.Project}/self-evaluation?handler=Approve")),
        ["POST /projects/{id:int}/self-evaluation?handler=Return"] = new(Target.Unit, Setup.ReportsSubmitted, c => Form($"/projects/{c.Project}/self-evaluation?handler=Return", ("comment", "实绩依据不足。"))),
        ["POST /projects/{id:int}/monitoring"] = new(Target.Unit, Setup.Draft, c => Form($"/projects/{c.Project}/monitoring?month=6", ("ExecutedSoFar", "50.00"))),
        ["POST /projects/{id:int}/monitoring?handler=Submit"] = new(Target.Unit, Setup.ReportsDraft, c => Form($"/projects/{c.Project}/monitoring?month=6&handler=Submit")),
        ["POST /projects/{id:int}/monitoring?handler=Approve"] = new(Target.Unit, Setup.ReportsSubmitted, c => Form($"/projects/{c.Project}/monitoring?month=6&handler=Approve")),
        ["POST /projects/{id:int}/monitoring?handler=Return"] = new(Target.Unit, Setup.ReportsSubmitted, c => Form($"/projects/{c.Project}/monitoring?month=6&handler=Return", ("comment", "进度说明不清。"))),
    };

    [Fact]
    public async Task EveryEndpoint_EveryRole_OwnAndOtherUnit_AnswersAsTheRulesSay()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var endpoints = Endpoints(app);
        Assert.True(endpoints.Count >= 60, $"only {endpoints.Count} endpoints found");

        var missing = endpoints.Keys.Where(key => !Samples.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "endpoints without a request in the matrix (add one, and decide its access): " + string.Join(", ", missing));
        var stale = Samples.Keys.Where(key => !endpoints.ContainsKey(key)).ToList();
        Assert.True(stale.Count == 0, "requests for endpoints that no longer exist: " + string.Join(", ", stale));
        var undeclared = endpoints.Where(e => e.Value is null).Select(e => e.Key).ToList();
        Assert.True(undeclared.Count == 0, "endpoints without a declared access: " + string.Join(", ", undeclared));

        var failures = new List<string>();
        var cases = 0;
        foreach (var (user, role) in Tenants.Roles)
        {
            var cookie = await tenants.SignInAsync(user);
            using var token = app.ClientWithToken(app.TokenFor(user));
            var formToken = Tenants.FormToken(await cookie.GetStringAsync("/account/tokens", TestContext.Current.CancellationToken));
            var invisible = new[] { Tenants.UnitA, Tenants.UnitB, Tenants.UnitC }.Except(Tenants.Sees[user]).ToList();
            foreach (var (key, access) in endpoints.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var sample = Samples[key];
                foreach (var own in new[] { true, false })
                {
                    cases++;
                    var unit = own ? Tenants.Pairs[user].Own : Tenants.Pairs[user].Other;
                    var c = await PrepareAsync(app, tenants, sample.Setup, unit, user, own);
                    var client = key.Contains(" /api/", StringComparison.Ordinal) || key.StartsWith("GET /openapi", StringComparison.Ordinal) ? token : cookie;
                    using var session = sample.OwnSession ? await tenants.SignInAsync(user) : null;
                    using var request = sample.Request(c);
                    if (request.Content is FormUrlEncodedContent or MultipartFormDataContent && !key.Contains(" /api/", StringComparison.Ordinal))
                    {
                        var sessionToken = session is null ? formToken : Tenants.FormToken(await session.GetStringAsync("/account/tokens", TestContext.Current.CancellationToken));
                        request.Content = WithToken(request.Content, sessionToken);
                    }

                    using var response = await (session ?? client).SendAsync(request, TestContext.Current.CancellationToken);
                    var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    var status = (int)response.StatusCode;

                    var sees = Tenants.Sees[user].Contains(unit);
                    var allowed = access == Access.Anonymous || (AccessRules.RoleHas(role, access!.Value) && sample.Target switch
                    {
                        Target.Unit => sees || sample.BatchOf,
                        Target.OwnToken => own,
                        _ => true,
                    });
                    if (sample.BatchOf && status is >= 200 and < 400)
                    {
                        // A batch answers for the whole selection; a table of a unit the user cannot see is simply not decided.
                        var decided = await app.QueryAsync(db => db.Documents.Where(d => d.Id == c.Document).Select(d => d.Status).SingleAsync()) != WorkState.Submitted;
                        if (decided != sees)
                        {
                            failures.Add($"{user} {key} ({(own ? "own" : "other")} {unit}): the table was {(decided ? "" : "not ")}decided.");
                        }
                    }
                    var label = $"{user} {key} ({(own ? "own" : "other")} {unit}) → {status}{(response.Headers.Location is { } location ? " " + location : "")}";
                    if (sample.IsErrorPage)
                    {
                        if (status is 401 or 403 || !body.Contains("<title>", StringComparison.Ordinal))
                        {
                            failures.Add($"{label}: expected the error page.");
                        }
                    }
                    else if (allowed && status is < 200 or > 299 && !(key.StartsWith("POST /", StringComparison.Ordinal) && !key.Contains(" /api/", StringComparison.Ordinal) && status is >= 300 and < 400))
                    {
                        failures.Add($"{label}: expected success. {Short(body)}");
                    }
                    else if (!allowed && status is not (403 or 404))
                    {
                        failures.Add($"{label}: expected 403 or 404. {Short(body)}");
                    }

                    if (invisible.FirstOrDefault(name => body.Contains(name, StringComparison.Ordinal)) is { } leaked)
                    {
                        failures.Add($"{label}: the answer names {leaked}, which {user} cannot see.");
                    }

                    if (own && allowed && sample.ListsOwnUnit && !body.Contains(Tenants.UnitA, StringComparison.Ordinal))
                    {
                        failures.Add($"{label}: the list leaves out the user's own unit {Tenants.UnitA}.");
                    }

                    if (session is not null)
                    {
                        // Signing out ends every session of the account: the matrix signs in again.
                        cookie.Dispose();
                        cookie = await tenants.SignInAsync(user);
                        formToken = Tenants.FormToken(await cookie.GetStringAsync("/account/tokens", TestContext.Current.CancellationToken));
                    }
                }
            }

            cookie.Dispose();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
    }

    /// <summary>API endpoints by method, pages by GET, each with its declared access (null: none declared).</summary>
    private static Dictionary<string, Access?> Endpoints(JixiaoApp app)
    {
        var result = new Dictionary<string, Access?>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in methods)
            {
                result[$"{method} {pattern}"] = endpoint.Metadata.GetMetadata<AccessAttribute>()?.Access;
            }
        }

        foreach (var (key, access) in PageHandlers())
        {
            result[key] = access;
        }

        return result;
    }

    /// <summary>Every POST handler of every page (<c>POST /route?handler=Name</c>), with the access it declares (null: none).</summary>
    private static IEnumerable<(string Key, Access? Access)> PageHandlers()
    {
        var assembly = typeof(AccessAttribute).Assembly;
        foreach (var item in assembly.GetCustomAttributes(typeof(Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute), false)
            .Cast<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute>().Where(i => i.Kind == "mvc.1.0.razor-page"))
        {
            var route = item.Type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute), false)
                .Cast<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            var model = item.Type.GetProperty("Model")?.PropertyType;
            if (route is null || model is null)
            {
                continue;
            }

            foreach (var method in model.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var handler = method.Name["OnPost".Length..];
                handler = handler.EndsWith("Async", StringComparison.Ordinal) ? handler[..^"Async".Length] : handler;
                var declared = (AccessAttribute?)Attribute.GetCustomAttribute(method, typeof(AccessAttribute));
                yield return ($"POST /{route.TrimStart('/')}{(handler.Length > 0 ? "?handler=" + handler : "")}", declared?.Access);
            }
        }
    }

    /// <summary>The form's fields with the anti-forgery token added.</summary>
    private static HttpContent WithToken(HttpContent content, string token)
    {
        if (content is MultipartFormDataContent multipart)
        {
            multipart.Add(new StringContent(token), "__RequestVerificationToken");
            return multipart;
        }

        var fields = System.Web.HttpUtility.ParseQueryString(content.ReadAsStringAsync().GetAwaiter().GetResult());
        var pairs = fields.AllKeys.Where(k => k is not null).Select(k => KeyValuePair.Create(k!, fields[k] ?? "")).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(pairs);
    }

    /// <summary>Fresh objects for one case, so that what one request changes cannot decide another.</summary>
    private static async Task<Case> PrepareAsync(JixiaoApp app, Tenants tenants, Setup setup, string unit, string user, bool own)
    {
        var state = setup switch
        {
            Setup.Submitted => WorkState.Submitted,
            Setup.Approved => WorkState.Approved,
            _ => WorkState.Draft,
        };
        var (document, project) = await tenants.AddDocumentAsync(unit, state);
        if (setup is Setup.ReportsDraft or Setup.ReportsSubmitted)
        {
            await tenants.AddReportsAsync(project, setup == Setup.ReportsSubmitted ? WorkState.Submitted : WorkState.Draft);
        }

        var version = await app.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync());
        var tokenOwner = own ? user : Tenants.Roles.Keys.First(u => u != user);
        var tokenId = await app.QueryAsync(async db =>
        {
            var owner = await db.Users.SingleAsync(u => u.UserName == tokenOwner);
            var record = new Data.Records.AccessTokenRecord { UserId = owner.Id, Name = "矩阵", Hash = Guid.NewGuid().ToString("N"), Prefix = "jx_test", CreatedAt = DateTimeOffset.UtcNow };
            db.AccessTokens.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var commentId = await app.QueryAsync(async db =>
        {
            var comment = new Data.Records.CommentRecord
            {
                DocumentId = document, Subject = "targets", Version = 1, Text = "矩阵意见", AuthorId = "", AuthorName = "审核员", At = DateTimeOffset.UtcNow,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });
        return new Case(unit, tenants.UnitIds[unit], document, project, version, tokenId, user, commentId);
    }

    private static string Short(string body) => body.StartsWith("<!DOCTYPE", StringComparison.Ordinal)
        ? System.Text.RegularExpressions.Regex.Match(body, "<title>([^<]*)</title>").Groups[1].Value
        : body.Length > 300 ? body[..300] : body;
}
