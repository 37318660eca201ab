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
