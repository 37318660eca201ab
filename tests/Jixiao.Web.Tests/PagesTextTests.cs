using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>What pages show a user is Chinese: rules by their titles, actions by name, times in Beijing time.</summary>
public partial class PagesTextTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\b[A-Z]{2,}(-[A-Z0-9]+)+\b")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>A file of the repository (source, notes, specs, the docs folder) or a tag of our notes; an uploaded table's own name (.txt, .xlsx…) is the user's.</summary>
    [GeneratedRegex(@"[A-Za-z0-9_\-]+\.(md|cs|cshtml|spec)\b|\[(firm|practice)\]|§|\b(src|docs)/", RegexOptions.CultureInvariant)]
    private static partial Regex OurFiles();

    /// <summary>Latin words a Chinese user may meet on a page: the product's name and the names of file kinds.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal) { "Jixiao", "Excel", "CSV", "JSON", "PDF", "ID", "UTC" };

    [GeneratedRegex(@"<(script|style)\b[\s\S]*?</\1>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptsAndStyles();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    /// <summary>A file's name or kind (<c>qingxi-2025.txt</c>, <c>.xlsx</c>): the user's data, or the kinds of file the page accepts.</summary>
    [GeneratedRegex(@"[^\s，、：（）()]*\.(txt|xlsx|xls|docx|pdf|html|csv|json)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    /// <summary>The app's clock in the test of what users read.</summary>
    private static readonly DateTimeOffset Instant = new(2026, 3, 31, 23, 30, 5, TimeSpan.Zero);

    /// <summary>A date, with a time when one is shown.</summary>
    [GeneratedRegex(@"(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d))?")]
    private static partial Regex DateAndTime();

    /// <summary>A sum written out with cents and no thousands separators (<c>1524900.00</c>): money shown in 元 as stored, not in the table's unit.</summary>
    [GeneratedRegex(@"(?<![\d,.])\d{5,}\.\d{2}(?!\d)")]
    private static partial Regex RawMoney();

    /// <summary>A sum with cents followed by 元 alone, where the tables are in 万元.</summary>
    [GeneratedRegex(@"\d\.\d{2}\s*(?<!万\s*)元")]
    private static partial Regex CentsInYuan();

    /// <summary>A sum with thousands separators and cents: money, which needs its unit on the page.</summary>
    [GeneratedRegex(@"\d{1,3}(,\d{3})+\.\d{2}")]
    private static partial Regex SeparatedMoney();

    [Fact]
    public async Task EveryPageAndExport_ForEachRole_IsChinese_WithMoneyInItsUnit_AndTimesInTheConfiguredZone()
    {
        // Every instant the app stores is one it knows: 23:30:05 UTC on 31 March 2026, 05:30 on 1 April in Urumqi.
        await using var app = JixiaoApp.Start("sqlite", loadSample: true, settings: new Dictionary<string, string> { ["Jixiao:TimeZone"] = "Asia/Urumqi" }, clock: new FixedClock(Instant));
        var (documentId, projectId, seq) = await app.QueryAsync(async db =>
        {
            var indicator = await db.Indicators.AsNoTracking().OrderBy(i => i.ProjectId).ThenBy(i => i.Seq).FirstAsync(Cancel);
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == indicator.ProjectId, Cancel);
            return (project.DocumentId, project.Id, indicator.Seq);
        });
        var (unit, year) = await app.QueryAsync(db => db.Documents.Where(d => d.Id == documentId).Select(d => new { d.UnitId, d.Year }).SingleAsync(Cancel))
            is var row ? (row.UnitId, row.Year!.Value) : default;
        var department = await app.QueryAsync(db => db.Units.Where(u => u.Kind == Data.Records.UnitKinds.Department).Select(u => u.Id).FirstAsync(Cancel));
        var region = await app.QueryAsync(db => db.Units.Where(u => u.Kind == Data.Records.UnitKinds.Region).Select(u => u.Id).FirstAsync(Cancel));
        await app.AddUserAsync("texts-officer", Data.JixiaoRoles.UnitOfficer, unit);
        await app.AddUserAsync("texts-department", Data.JixiaoRoles.DepartmentReviewer, department);
        await app.AddUserAsync("texts-finance", Data.JixiaoRoles.FinanceReviewer, region);

        // A season, a round of review with a conversation, an approval and an adjustment: every kind of page has something to show.
        using var finance = app.ClientWithToken(app.TokenFor("texts-finance"));
        using var officer = app.ClientWithToken(app.TokenFor("texts-officer"));
        Assert.True((await finance.PostAsJsonAsync("/api/seasons", new { year, targetsDue = "2026-06-30", monitoringDue = "2026-08-15", selfEvaluationDue = "2027-02-28" }, Cancel)).IsSuccessStatusCode);
        Assert.True((await officer.PostAsync($"/api/documents/{documentId}/submit", null, Cancel)).IsSuccessStatusCode);
        using var returned = await finance.PostAsJsonAsync($"/api/documents/{documentId}/return",
            new { comments = new object[] { new { projectId = (int?)projectId, indicatorSeq = (int?)seq, text = "请细化该指标。" }, new { projectId = (int?)null, indicatorSeq = (int?)null, text = "请核对资金。" } } }, Cancel);
        Assert.True(returned.IsSuccessStatusCode);
        var commentId = await app.QueryAsync(db => db.Comments.Where(c => c.DocumentId == documentId).Select(c => c.Id).FirstAsync(Cancel));
        Assert.True((await officer.PostAsJsonAsync($"/api/documents/{documentId}/comments/{commentId}/answer", new { answer = "已细化。", done = true }, Cancel)).IsSuccessStatusCode);
        Assert.True((await officer.PostAsync($"/api/documents/{documentId}/submit", null, Cancel)).IsSuccessStatusCode);
        Assert.True((await finance.PostAsJsonAsync($"/api/documents/{documentId}/approve", new { comment = "同意。" }, Cancel)).IsSuccessStatusCode);
        await AddReportsAsync(app, projectId);
        Assert.True((await officer.PostAsync($"/api/documents/{documentId}/adjust", null, Cancel)).IsSuccessStatusCode);

        string[] pages =
        [
            "/", "/documents", $"/documents?status=draft&year={year}", $"/documents/{documentId}", $"/documents/{documentId}/print", $"/documents/{documentId}/opinion",
            $"/documents/{documentId}/diff?from=1&to=2", $"/projects/{projectId}", $"/projects/{projectId}/edit", $"/projects/{projectId}/history", $"/projects/{projectId}/compare",
            $"/projects/{projectId}/self-evaluation", $"/projects/{projectId}/self-evaluation/print", $"/projects/{projectId}/monitoring?month=6",
            $"/projects/{projectId}/monitoring/6/print", "/monitoring", "/seasons", $"/seasons/{year}", "/search?q=" + Uri.EscapeDataString("培训"),
            "/import", "/account/tokens", "/account/password", "/admin/users", "/admin/units", "/admin/audit", "/no-such-page",
        ];
        string[] exports =
        [
            $"/api/documents/{documentId}/export?format=xlsx", $"/api/documents/{documentId}/export?format=csv", $"/api/documents/{documentId}/opinion",
            $"/api/projects/{projectId}/self-evaluation/export", $"/api/projects/{projectId}/monitoring/6/export", $"/api/seasons/{year}/export",
        ];

        // Sign-in names and the names and prefixes of access tokens are identifiers; they are data, like the names of uploaded files.
        var accounts = (await app.QueryAsync(async db => (await db.Users.Select(u => u.UserName!).ToListAsync(Cancel))
                .Concat(await db.AccessTokens.Select(t => t.Name + " " + t.Prefix).ToListAsync(Cancel)).ToList()))
            .SelectMany(name => LatinWord().Matches(name).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        var read = 0;
        foreach (var user in new[] { Security.Tenants.Admin, "texts-officer", "texts-department", "texts-finance" })
        {
            using var client = await Security.Tenants.SignInAsync(app, user);
            foreach (var url in pages.Concat(exports))
            {
                using var response = await client.GetAsync(url, Cancel);
                if (response.StatusCode is HttpStatusCode.Forbidden || (response.StatusCode is HttpStatusCode.NotFound && url.StartsWith("/api/", StringComparison.Ordinal)))
                {
                    continue;
                }

                Assert.True(response.IsSuccessStatusCode || url == "/no-such-page", $"{url} as {user}: {response.StatusCode}");
                var text = await ReadableTextAsync(response);
                read++;
                var where = $"{url} ({user})";
                failures.AddRange(LatinWord().Matches(FileName().Replace(text, " ")).Select(m => m.Value)
                    .Where(w => !AllowedWords.Contains(w) && !accounts.Contains(w)).Distinct().Select(w => $"{where}: English word {w}"));
                failures.AddRange(CodeLike().Matches(text).Select(m => $"{where}: code {m.Value}").Distinct());
                failures.AddRange(RawMoney().Matches(text).Select(m => $"{where}: money without its unit {m.Value}").Distinct());
                failures.AddRange(CentsInYuan().Matches(text).Select(m => $"{where}: money in 元 {m.Value}").Distinct());
                if (SeparatedMoney().IsMatch(text) && !text.Contains('元', StringComparison.Ordinal))
                {
                    failures.Add($"{where}: money {SeparatedMoney().Match(text).Value} with no unit anywhere");
                }

                foreach (Match date in DateAndTime().Matches(text))
                {
                    if (date.Value == "2026-03-31" || (date.Groups[4].Success && !date.Value.EndsWith("2026-04-01 05:30", StringComparison.Ordinal) && date.Value != "2026-04-01T05:30"))
                    {
                        failures.Add($"{where}: a time not in the configured zone {date.Value}");
                    }
                }
            }
        }

        Assert.True(read >= 100, $"only {read} pages and exports were read");
        Assert.True(failures.Count == 0, "what users read: " + string.Join("; ", failures.Distinct()));
    }

    /// <summary>The text of a page (tags, scripts and styles removed) or of an export (a workbook's cells, a CSV as written).</summary>
    private static async Task<string> ReadableTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        if (Workbooks.IsWorkbook(bytes))
        {
            return Workbooks.Text(bytes);
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return response.Content.Headers.ContentType?.MediaType == "text/html"
            ? WebUtility.HtmlDecode(Tag().Replace(ScriptsAndStyles().Replace(text, " "), " "))
            : text;
    }

    /// <summary>A self-evaluation and a 1~6月 monitoring report of <paramref name="projectId"/>, each indicator at its target.</summary>
    private static async Task AddReportsAsync(JixiaoApp app, int projectId)
    {
        var indicators = await app.QueryAsync(db => db.Indicators.Where(i => i.ProjectId == projectId).OrderBy(i => i.Seq).Select(i => new { i.Seq, i.TargetText }).ToListAsync(Cancel));
        string AtTarget(string target) => Domain.Targets.TargetGrammar.Parse(target) is { Kind: Domain.Targets.TargetKind.Quantitative } parsed
            ? string.Join("；", parsed.Clauses.Select(c => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + c.Unit))
            : "达成";
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Web.Security.CurrentUser>().ActAsSystem();
        var evaluation = await scope.ServiceProvider.GetRequiredService<Web.Features.SelfEvaluation.SelfEvaluationService>().SaveAsync(projectId,
            new Web.Features.SelfEvaluation.SelfEvaluationInput("10.00", "", [.. indicators.Select(i => new Web.Features.SelfEvaluation.ActualInput(i.Seq, AtTarget(i.TargetText), "", ""))]), Cancel);
        Assert.True(evaluation.IsDone, evaluation.Message);
        var monitoring = await scope.ServiceProvider.GetRequiredService<Web.Features.Monitoring.MonitoringService>().SaveAsync(projectId, 6,
            new Web.Features.Monitoring.MonitoringReportInput("5.00", "10.00", [.. indicators.Take(1).Select(i => new Web.Features.Monitoring.ProgressInput(i.Seq, "过半", "", "", "", "确定能"))]), Cancel);
        Assert.True(monitoring.IsDone, monitoring.Message);
    }

    /// <summary>A clock that always says <paramref name="now"/>.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Pages_CiteNoFileOrTagOfOurs()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = await Security.Tenants.SignInAsync(app, Security.Tenants.Admin);
        var (documentId, projectId) = await app.QueryAsync(async db =>
        {
            var project = await db.Projects.AsNoTracking().OrderBy(p => p.Id).FirstAsync(Cancel);
            return (project.DocumentId, project.Id);
        });
        string[] urls =
        [
            "/", "/documents", $"/documents/{documentId}", $"/documents/{documentId}/print", $"/documents/{documentId}/opinion", $"/projects/{projectId}", $"/projects/{projectId}/edit",
            $"/projects/{projectId}/history", $"/projects/{projectId}/compare", $"/projects/{projectId}/self-evaluation", $"/projects/{projectId}/monitoring?month=6", "/monitoring",
            "/search?q=" + Uri.EscapeDataString("培训"), "/import", "/admin/users", "/admin/units", "/admin/audit", "/account/tokens", "/account/password",
            "/no-such-page",
        ];
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url, Cancel);
            var text = WebUtility.HtmlDecode(Tag().Replace(await response.Content.ReadAsStringAsync(Cancel), " "));
            Assert.True(text.Length > 100, $"{url} answered {response.StatusCode} with almost nothing");
            Assert.False(OurFiles().IsMatch(text), $"{url} names a file or tag of ours: {OurFiles().Match(text).Value}");
        }
    }

    [Fact]
    public async Task Pages_NameRulesAndActionsInChinese_AndShowTimesInBeijingTime()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        var (documentId, projectId, code) = await app.QueryAsync(async db =>
        {
            var finding = await db.Findings.AsNoTracking().Where(f => f.ProjectId != null && f.IndicatorSeq == null).OrderBy(f => f.Id).FirstAsync(Cancel);
            return (finding.DocumentId, finding.ProjectId!.Value, finding.Code);
        });

        // A change stored at 23:30 UTC happened at 07:30 the next morning in Beijing.
        await AddChangeAsync(app, documentId, projectId);

        foreach (var url in new[] { $"/documents/{documentId}", $"/projects/{projectId}", $"/projects/{projectId}/history", "/admin/audit" })
        {
            using var response = await client.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = WebUtility.HtmlDecode(Tag().Replace(await response.Content.ReadAsStringAsync(Cancel), " "));
            Assert.False(CodeLike().IsMatch(text), $"{url} shows a code: {CodeLike().Match(text).Value}");
            Assert.DoesNotContain("document.import", text, StringComparison.Ordinal);
        }

        var project = WebUtility.HtmlDecode(await client.GetStringAsync($"/projects/{projectId}", Cancel));
        Assert.Contains(ReviewRules.Find(code)!.Title, project, StringComparison.Ordinal);
        var history = await client.GetStringAsync("/admin/audit", Cancel);
        Assert.Contains("2026-04-01 07:30:05", history, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-31 23:30", history, StringComparison.Ordinal);
        Assert.Contains("修改项目", history, StringComparison.Ordinal);
        var projectHistory = await client.GetStringAsync($"/projects/{projectId}/history", Cancel);
        Assert.Contains("2026-04-01 07:30:05", projectHistory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_UseTheConfiguredTimeZone()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true, settings: new Dictionary<string, string> { ["Jixiao:TimeZone"] = "Asia/Urumqi" });
        using var client = app.Client();
        await AddChangeAsync(app, null, null);
        var audit = await client.GetStringAsync("/admin/audit", Cancel);
        Assert.Contains("2026-04-01 05:30:05", audit, StringComparison.Ordinal);
    }

    /// <summary>A change stored at 23:30:05 UTC on 31 March 2026.</summary>
    private static Task<int> AddChangeAsync(JixiaoApp app, int? documentId, int? projectId) => app.QueryAsync(db =>
    {
        db.Audit.Add(new Jixiao.Data.Records.AuditRecord
        {
            At = new DateTimeOffset(2026, 3, 31, 23, 30, 5, TimeSpan.Zero),
            Kind = "change",
            Action = "project.edit",
            UserName = "admin",
            Address = "127.0.0.1",
            DocumentId = documentId,
            ProjectId = projectId,
            Summary = "修改项目",
        });
        return db.SaveChangesAsync(Cancel);
    });
}
