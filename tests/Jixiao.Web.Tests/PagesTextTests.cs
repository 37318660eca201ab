using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Domain.Review;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task Pages_ShowNoEnglishWordToAnyRole()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var (documentId, projectId) = await app.QueryAsync(async db =>
        {
            var project = await db.Projects.AsNoTracking().OrderBy(p => p.Id).FirstAsync(Cancel);
            return (project.DocumentId, project.Id);
        });
        var year = await app.QueryAsync(db => db.Documents.Where(d => d.Id == documentId).Select(d => d.Year).SingleAsync(Cancel));
        string[] urls =
        [
            "/", "/documents", $"/documents/{documentId}", $"/documents/{documentId}/opinion", $"/projects/{projectId}", $"/projects/{projectId}/edit",
            $"/projects/{projectId}/history", $"/projects/{projectId}/compare", $"/projects/{projectId}/self-evaluation", $"/projects/{projectId}/monitoring?month=6",
            "/monitoring", "/seasons", $"/seasons/{year}", "/search?q=" + Uri.EscapeDataString("培训"), "/import", "/account/tokens", "/account/password",
            "/admin/users", "/admin/units", "/admin/audit", "/no-such-page",
        ];
        var unit = await app.QueryAsync(db => db.Documents.Where(d => d.Id == documentId).Select(d => d.UnitId).SingleAsync(Cancel));
        var region = await app.QueryAsync(db => db.Units.Where(u => u.Kind == Data.Records.UnitKinds.Region).Select(u => u.Id).FirstAsync(Cancel));
        await app.AddUserAsync("texts-officer", Data.JixiaoRoles.UnitOfficer, unit);
        await app.AddUserAsync("texts-finance", Data.JixiaoRoles.FinanceReviewer, region);

        // Sign-in names are identifiers the users chose; they are data, like the names of uploaded files.
        var accounts = (await app.QueryAsync(db => db.Users.Select(u => u.UserName!).ToListAsync(Cancel)))
            .SelectMany(name => LatinWord().Matches(name).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var user in new[] { Security.Tenants.Admin, "texts-officer", "texts-finance" })
        {
            using var client = await Security.Tenants.SignInAsync(app, user);
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url, Cancel);
                if (response.StatusCode is HttpStatusCode.Forbidden)
                {
                    continue;
                }

                var html = ScriptsAndStyles().Replace(await response.Content.ReadAsStringAsync(Cancel), " ");
                var text = FileName().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ");
                failures.AddRange(LatinWord().Matches(text).Select(m => m.Value).Where(w => !AllowedWords.Contains(w) && !accounts.Contains(w)).Distinct().Select(w => $"{url}: {w}"));
            }
        }

        Assert.True(failures.Count == 0, "pages show English words: " + string.Join("; ", failures));
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
