using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Domain.Workflow;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>A season per budget year: 财政 opens it with deadlines (per region where it differs); the progress over the units; reminders to officers.</summary>
public class SeasonTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    [Fact]
    public async Task Season_OpenedByFinance_ShowsWhoHasSentAndWhoIsLate_AndRemindsTheOfficer()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        await tenants.AddDocumentAsync(Tenants.UnitA);
        await tenants.AddDocumentAsync(Tenants.UnitB, WorkState.Submitted);
        var north = await app.QueryAsync(db => db.Units.Where(u => u.Name == "北川县").Select(u => u.Id).SingleAsync(Cancel));

        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var refused = await officer.PostAsJsonAsync("/api/seasons", new { year = 2026, targetsDue = Today.AddDays(-1) }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var finance = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var opened = await finance.PostAsJsonAsync("/api/seasons", new { year = 2026, targetsDue = Today.AddDays(-1), selfEvaluationDue = Today.AddDays(200) }, Cancel);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        using var admin = app.Client();
        using var regional = await admin.PostAsJsonAsync("/api/seasons", new { year = 2026, regionId = north, targetsDue = Today.AddDays(10) }, Cancel);
        Assert.Equal(HttpStatusCode.OK, regional.StatusCode);
        using var invalid = await admin.PostAsJsonAsync("/api/seasons", new { year = 2026, targetsDue = Today, monitoringDue = Today.AddDays(-3) }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        using var all = JsonDocument.Parse(await admin.GetStringAsync("/api/seasons/2026/progress", Cancel));
        var units = all.RootElement.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.True(units[Tenants.UnitA].GetProperty("late").GetBoolean());
        Assert.Equal("draft", units[Tenants.UnitA].GetProperty("state").GetString());
        Assert.False(units[Tenants.UnitB].GetProperty("late").GetBoolean());
        Assert.False(units[Tenants.UnitC].GetProperty("late").GetBoolean());
        Assert.Equal(JsonValueKind.Null, units[Tenants.UnitC].GetProperty("documentId").ValueKind);
        Assert.Equal(1, all.RootElement.GetProperty("late").GetInt32());

        using var reviewer = await tenants.SignInAsync(Tenants.FinanceReviewer);
        var page = WebUtility.HtmlDecode(await reviewer.GetStringAsync("/seasons/2026", Cancel));
        Assert.Contains(Tenants.UnitA, page, StringComparison.Ordinal);
        Assert.Contains("（逾期）", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Tenants.UnitC, page, StringComparison.Ordinal);

        using var signedIn = await tenants.SignInAsync(Tenants.Officer);
        var overview = WebUtility.HtmlDecode(await signedIn.GetStringAsync("/", Cancel));
        Assert.Contains("id=\"reminders\"", overview, StringComparison.Ordinal);
        Assert.Contains("已逾期 1 天", overview, StringComparison.Ordinal);
        Assert.Contains("season.open", await app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task Workbook_OfARegionsYear_HasASummaryAndASheetPerUnit()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        await tenants.AddDocumentAsync(Tenants.UnitC);
        using var admin = app.Client();
        using var response = await admin.GetAsync("/api/seasons/2026/export?unit=" + Uri.EscapeDataString("南岭市"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var content = await response.Content.ReadAsStreamAsync(Cancel);
        using var zip = new System.IO.Compression.ZipArchive(content);
        string Part(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var workbook = Part("xl/workbook.xml");
        Assert.Contains("name=\"汇总\"", workbook, StringComparison.Ordinal);
        Assert.Contains($"name=\"{Tenants.UnitA}\"", workbook, StringComparison.Ordinal);
        Assert.Contains($"name=\"{Tenants.UnitB}\"", workbook, StringComparison.Ordinal);
        Assert.DoesNotContain(Tenants.UnitC, workbook, StringComparison.Ordinal);
        Assert.Equal(3, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)));
        var summary = Part("xl/worksheets/sheet1.xml");
        Assert.Contains("已送审", summary, StringComparison.Ordinal);
        Assert.Contains("未导入", summary, StringComparison.Ordinal);
        Assert.Contains(new[] { "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml" }, name => Part(name).Contains(Tenants.UnitA + "教师培训项目", StringComparison.Ordinal));
        Assert.Contains(new[] { "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml" }, name => Part(name).Contains("本年度还没有导入绩效目标表", StringComparison.Ordinal));

        using var nowhere = await admin.GetAsync("/api/seasons/2026/export?unit=" + Uri.EscapeDataString("没有这个地区"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Fact]
    public async Task ReportsDue_AreRemindedForTheProjectsOfAnApprovedTable()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (_, project) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Approved);
        using var admin = app.Client();
        using var opened = await admin.PostAsJsonAsync("/api/seasons", new
        {
            year = 2026, targetsDue = Today.AddDays(-30), monitoringDue = Today.AddDays(5), selfEvaluationDue = Today.AddDays(-2),
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        using var officer = await tenants.SignInAsync(Tenants.Officer);
        var overview = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await officer.GetStringAsync("/", Cancel), "<[^>]*>", ""));
        Assert.Contains("还有 1 个项目的运行监控报告未送审", overview, StringComparison.Ordinal);
        Assert.Contains("还有 5 天", overview, StringComparison.Ordinal);
        Assert.Contains("还有 1 个项目的绩效自评报告未送审", overview, StringComparison.Ordinal);
        Assert.Contains("已逾期 2 天", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("年度绩效目标应于", overview, StringComparison.Ordinal);

        // The reviewer's progress shows the approved table's reports owed, then sent.
        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        async Task<System.Text.Json.JsonElement> ReportsAsync() =>
            (await reviewer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/seasons/2026/progress", Cancel)).GetProperty("units").EnumerateArray()
                .Single(u => u.GetProperty("unit").GetString() == Tenants.UnitA).GetProperty("reports");
        var owed = await ReportsAsync();
        Assert.Equal((1, 0, 0), (owed.GetProperty("projects").GetInt32(), owed.GetProperty("monitored").GetInt32(), owed.GetProperty("evaluated").GetInt32()));

        await tenants.AddReportsAsync(project, WorkState.Submitted);
        var after = WebUtility.HtmlDecode(await officer.GetStringAsync("/", Cancel));
        Assert.DoesNotContain("id=\"reminders\"", after, StringComparison.Ordinal);
        var sent = await ReportsAsync();
        Assert.Equal((1, 1), (sent.GetProperty("monitored").GetInt32(), sent.GetProperty("evaluated").GetInt32()));
        using var page = await tenants.SignInAsync(Tenants.FinanceReviewer);
        Assert.Contains("1 / 1", await page.GetStringAsync("/seasons/2026", Cancel), StringComparison.Ordinal);
    }
}
