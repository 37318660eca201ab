using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.Tests;

public class MonitoringTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<int> ProjectId(JixiaoApp app, string name) =>
        app.QueryAsync(db => db.Projects.Where(p => p.Name == name && p.DocumentId == 2).Select(p => p.Id).SingleAsync(Cancel));

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Put_LightsTheReport_BadEntriesAreRejectedNamingTheIndicator(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费");

        var bad = new { executedSoFar = "", projectedExecution = "", progress = new object[] { new { seq = 1, soFar = "", projected = "很多", cause = "天气", note = "", likelihood = "也许" } } };
        using var rejected = await client.PutAsJsonAsync($"/api/projects/{id}/monitoring/7", bad, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("偏差原因“天气”", await rejected.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.MonitoringReports.CountAsync(Cancel)));

        // 1,286.40 budget, 1~7月 (58.3 %), 386.40 executed (30 %): 28 points behind, red.
        var good = new
        {
            executedSoFar = "386.40", projectedExecution = "1,200",
            progress = new object[]
            {
                new { seq = 1, soFar = "180门", projected = "310门", cause = "", note = "", likelihood = "确定能" },
                new { seq = 3, soFar = "5万", projected = "10.5万", cause = "硬件保障", note = "两处学习中心装修", likelihood = "有可能" },
            },
        };
        using var saved = await client.PutAsJsonAsync($"/api/projects/{id}/monitoring/7", good, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var report = await saved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("red", report.GetProperty("light").GetString());
        var warnings = report.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Contains(warnings, w => w.GetProperty("indicatorSeq").ValueKind == JsonValueKind.Null && w.GetProperty("light").GetString() == "red");
        Assert.Contains(warnings, w => w.GetProperty("indicatorSeq").ValueKind == JsonValueKind.Number && w.GetProperty("indicatorSeq").GetInt32() == 3 && w.GetProperty("reason").GetString()!.Contains("达不到年度指标值", StringComparison.Ordinal));
        Assert.Equal(0.3004m, report.GetProperty("executionRate").GetDecimal());

        var workbook = await client.GetByteArrayAsync($"/api/projects/{id}/monitoring/7/export", Cancel);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, Cancel).Select(e => e.Description));
            var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList();
            Assert.Contains("项目支出绩效运行监控表（1~7月）", cells);
            Assert.Contains("10.5万", cells);
            Assert.Contains("硬件保障", cells);
            Assert.Contains("红灯", cells);
        }

        using var month13 = await client.GetAsync($"/api/projects/{id}/monitoring/13", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, month13.StatusCode);
    }

    [Fact]
    public async Task EnterProgressInTheBrowser_SeeTheLightAndTheOverviewListsRedFirst()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var green = await ProjectId(app, "老年大学办学经费");
        var red = await ProjectId(app, "社区学习中心运行保障经费");
        using (var client = app.Client())
        {
            var onTrack = new { executedSoFar = "1,200", projectedExecution = "", progress = Array.Empty<object>() };
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/projects/{green}/monitoring/6", onTrack, Cancel)).StatusCode);
        }

        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync($"/projects/{red}");
        await page.GetByRole(AriaRole.Link, new() { Name = "绩效运行监控" }).ClickAsync();
        await page.Locator("#ExecutedSoFar").FillAsync("300");
        await page.GetByLabel("第 4 个指标的完成可能性").SelectOptionAsync("完全不可能");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并预警" }).ClickAsync();
        await Expect(page.Locator("#light")).ToHaveTextAsync("红灯");
        await Expect(page.GetByText("完全不可能完成")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "打印监控表" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("项目支出绩效运行监控表（1~6月）");
        await Expect(page.Locator("tr", new() { HasText = "居民满意度" }).First).ToContainTextAsync("完全不可能");

        await page.GotoAsync("/monitoring");
        var rows = page.Locator("#monitoring-overview tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("红灯");
        await Expect(rows.Nth(0)).ToContainTextAsync("社区学习中心运行保障经费");
        await Expect(rows.Nth(1)).ToContainTextAsync("绿灯");
        await Expect(page.Locator("svg[aria-label='预算执行率与时间进度']")).ToBeVisibleAsync();
        await browser.AssertHealthyAsync();
    }
}
