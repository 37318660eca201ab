using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.Tests;

public class SelfEvaluationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<int> ProjectId(JixiaoApp app, string name) =>
        app.QueryAsync(db => db.Projects.Where(p => p.Name == name && p.DocumentId == 2).Select(p => p.Id).SingleAsync(Cancel));

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Put_ScoresAndStores_BadRowsAreRejectedNamingTheIndicator(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费");

        var bad = new
        {
            executed = "一千万",
            adjustedBudget = "",
            actuals = new object[]
            {
                new { seq = 1, actual = "很多", percent = "", note = "" },
                new { seq = 9, actual = "90%", percent = "", note = "" },
                new { seq = 4, actual = "93.5%", percent = "", note = "" },
            },
        };
        using var rejected = await client.PutAsJsonAsync($"/api/projects/{id}/self-evaluation", bad, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var errors = string.Join("\n", (await rejected.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("actuals").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("全年执行数“一千万”不是金额", errors, StringComparison.Ordinal);
        Assert.Contains("第 1 个指标“开设居民课程数量”", errors, StringComparison.Ordinal);
        Assert.Contains("第 9 个指标：项目没有这个指标", errors, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.SelfEvaluations.CountAsync(Cancel)));

        var good = new
        {
            executed = "1,250.30",
            adjustedBudget = "",
            actuals = new object[]
            {
                new { seq = 1, actual = "312门", percent = "", note = "" },
                new { seq = 2, actual = "42", percent = "", note = "" },
                new { seq = 3, actual = "10.5万", percent = "", note = "装修停课" },
                new { seq = 4, actual = "93.5%", percent = "", note = "" },
                new { seq = 5, actual = "97%", percent = "", note = "" },
            },
        };
        using var saved = await client.PutAsJsonAsync($"/api/projects/{id}/self-evaluation", good, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var score = (await saved.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("score");
        Assert.Equal(95.98m, score.GetProperty("score").GetDecimal());
        Assert.Equal("优", score.GetProperty("grade").GetString());

        var again = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}/self-evaluation", Cancel);
        Assert.Equal("1,250.30", again.GetProperty("executed").GetString());
        Assert.Equal(5, again.GetProperty("actuals").GetArrayLength());
    }

    [Fact]
    public async Task EnterActualsInTheBrowser_SeeScoreGradeAndExplanation_ExportHoldsTheSameNumbers()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var id = await ProjectId(app, "老年大学办学经费");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync($"/projects/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "绩效自评" }).ClickAsync();

        await page.Locator("#Executed").FillAsync("1980");
        string[] actuals = ["6120人", "20", "64个；52万次", "96%", "未达成", "部分达成"];
        for (var i = 0; i < actuals.Length; i++)
        {
            await page.GetByLabel($"第 {i + 1} 个指标的实际完成值").FillAsync(actuals[i]);
        }

        await page.Locator("#Actuals_4__Percent").FillAsync("30");
        await page.Locator("#Actuals_4__Note").FillAsync("目标为问句，下年度改为媒体报道次数");
        await page.Locator("#Actuals_5__Note").FillAsync("预算执行率不宜作为绩效指标");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并计分" }).ClickAsync();

        await Expect(page.Locator("#total-score")).ToHaveTextAsync("84.19");
        await Expect(page.Locator("#grade")).ToHaveTextAsync("良");
        await Expect(page.GetByText("定性指标未达成（0%–60%），按 30% 计").First).ToBeVisibleAsync();
        await Expect(page.GetByText("执行率 = 全年执行数 1980").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出自评表（Excel）" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-self-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            using var workbook = SpreadsheetDocument.Open(file, false);
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
                .Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList();
            Assert.Equal("84.19", cells[cells.IndexOf("总分") + 1]);
            Assert.Equal("良", cells[cells.IndexOf("等级") + 1]);
            Assert.Contains("未达成（30%）", cells);
            Assert.Contains("目标为问句，下年度改为媒体报道次数", cells);
        }
        finally
        {
            File.Delete(file);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "打印自评表" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("项目支出绩效自评表（2025年度）");
        await Expect(page.Locator("td", new() { HasText = "产出指标(50分)" })).ToBeVisibleAsync();
        await Expect(page.Locator("tr", new() { HasText = "总分" })).ToContainTextAsync("84.19");

        // The document page charts the grades and scores of the projects evaluated so far.
        await page.GotoAsync("/documents/2");
        await Expect(page.GetByText("已自评 1 个项目")).ToBeVisibleAsync();
        await Expect(page.Locator("svg[aria-label='自评等级分布']")).ToContainTextAsync("1 个");
        await Expect(page.Locator("svg[aria-label='自评得分分布']")).ToBeVisibleAsync();
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task MissedTargetWithoutANote_IsRefusedAndNothingSaved()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费");
        var input = new { executed = "1,250.30", adjustedBudget = "", actuals = new object[] { new { seq = 3, actual = "10.5万", percent = "", note = "" } } };
        using var response = await client.PutAsJsonAsync($"/api/projects/{id}/self-evaluation", input, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("第 3 个指标“居民参与学习人次”未达成目标，须填写偏差原因", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.SelfEvaluations.CountAsync(Cancel)));
    }

    [Fact]
    public async Task EnterABandOnAQuantitativeTarget_IsRefusedInTheBrowserAndNothingSaved()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var id = await ProjectId(app, "老年大学办学经费");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync($"/projects/{id}/self-evaluation");
        await page.GetByLabel("第 1 个指标的实际完成值").FillAsync("达成");
        await page.GetByLabel("第 5 个指标的实际完成值").FillAsync("部分达成");
        await page.Locator("#Actuals_4__Percent").FillAsync("95");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并计分" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("是定量指标，实际完成值应填写数值");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不在“部分达成”的区间");
        Assert.Equal(0, await app.QueryAsync(db => db.SelfEvaluations.CountAsync(Cancel)));
        await browser.AssertHealthyAsync();
    }
}
