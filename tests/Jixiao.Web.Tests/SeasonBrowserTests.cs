using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.Tests;

/// <summary>
/// One season as the people in it click through it, with two review stages: the administrator opens the
/// year, two units import, one submits and one is late; the department passes one table on in a batch and
/// returns the other with three comments; the officer answers and fixes them; finance approves both; the
/// 审核意见书 and the region's workbook download and open.
/// </summary>
public class SeasonBrowserTests
{
    private const string Region = "临江市";
    private const string Department = "临江市教育局";
    private const string First = "临江第一中学";
    private const string Second = "临江第二中学";

    [Fact]
    public async Task ASeason_WithTwoReviewStages_FromOpeningTheYearToTheRegionsWorkbook()
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:ReviewStages"] = "2" });
        var region = await app.AddUnitAsync(Region, UnitKinds.Region, null);
        var department = await app.AddUnitAsync(Department, UnitKinds.Department, region);
        await app.AddUserAsync("officer-1", JixiaoRoles.UnitOfficer, await app.AddUnitAsync(First, UnitKinds.Unit, department));
        await app.AddUserAsync("officer-2", JixiaoRoles.UnitOfficer, await app.AddUnitAsync(Second, UnitKinds.Unit, department));
        await app.AddUserAsync("dept", JixiaoRoles.DepartmentReviewer, department);
        await app.AddUserAsync("finance", JixiaoRoles.FinanceReviewer, region);
        var address = app.ClientOptions.BaseAddress;

        // The administrator opens 2026 with a deadline that passed yesterday (Beijing time).
        var yesterday = DateTime.UtcNow.AddHours(8).Date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using (var admin = await Browser.StartAsync(address))
        {
            await admin.Page.GotoAsync("/seasons");
            await admin.Page.FillAsync("input[name='Form.Year']", "2026");
            await admin.Page.FillAsync("input[name='Form.TargetsDue']", yesterday);
            await admin.Page.ClickAsync("#open");
            await Expect(admin.Page.Locator("#progress")).ToContainTextAsync(yesterday);
            await Expect(admin.Page.Locator("#late")).ToHaveTextAsync("2");
            await admin.AssertHealthyAsync();
        }

        // Both officers import their tables; the first submits, the second does not.
        await using var one = await Browser.StartAsync(address, "officer-1");
        await using var two = await Browser.StartAsync(address, "officer-2");
        var firstTable = await ImportAsync(one.Page, First);
        var secondTable = await ImportAsync(two.Page, Second);
        await one.Page.ClickAsync("#submit");
        await Expect(one.Page.Locator("#state")).ToHaveTextAsync("已送审");

        // The department sees its queue and the late unit.
        await using var dept = await Browser.StartAsync(address, "dept");
        var d = dept.Page;
        await d.GotoAsync("/");
        await Expect(d.Locator("#todo-review")).ToContainTextAsync(First);
        await d.GotoAsync("/seasons/2026");
        await Expect(d.Locator("#late")).ToHaveTextAsync("1");
        await Expect(d.Locator("#progress tr", new() { HasText = Second })).ToContainTextAsync("逾期");
        await Expect(d.Locator("#progress tr", new() { HasText = First })).ToContainTextAsync("已送审");

        // It passes the first table on in a batch.
        await d.GotoAsync("/documents?status=submitted");
        await d.CheckAsync($"input[name=ids][value='{firstTable}']");
        await d.FillAsync("fieldset.batch textarea[name=comment]", "经审核，同意报财政。");
        await d.CheckAsync("fieldset.batch input[name=confirmed]");
        await Expect(d.Locator("#batch-approve")).ToHaveTextAsync("审核通过所选");
        await d.ClickAsync("#batch-approve");
        Assert.Equal(Domain.Workflow.WorkState.Endorsed, await StateAsync(app, firstTable));

        // The second officer submits late; the department returns the table with three comments on different indicators.
        await two.Page.GotoAsync($"/documents/{secondTable}");
        await two.Page.ClickAsync("#submit");
        await Expect(two.Page.Locator("#state")).ToHaveTextAsync("已送审");
        await d.GotoAsync($"/documents/{secondTable}");
        string[] comments = ["培训人次偏低，请提高。", "合格率请写明考核口径。", "满意度请说明调查方式。"];
        for (var i = 0; i < comments.Length; i++)
        {
            var suffix = i == 0 ? "" : "-" + i;
            await d.FillAsync($"#return-comment{suffix}", comments[i]);
            await d.SelectOptionAsync($"#return-project{suffix}", new SelectOptionValue { Label = Second + "教师培训项目" });
            await d.FillAsync($"#return-seq{suffix}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await d.ClickAsync("#return");
        await Expect(d.Locator("#state")).ToHaveTextAsync("已退回");

        // The officer answers each comment and fixes the first target, then submits again.
        var o = two.Page;
        await o.GotoAsync($"/documents/{secondTable}");
        await Expect(o.Locator(".comments li")).ToHaveCountAsync(3);
        for (var i = 0; i < comments.Length; i++)
        {
            var item = o.Locator(".comments li", new() { HasText = comments[i] });
            await item.Locator("input[name=answer]").FillAsync($"已按意见修改第 {i + 1} 条。");
            await item.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
            await Expect(o.Locator(".comments li", new() { HasText = comments[i] })).ToContainTextAsync("已处理");
        }

        var project = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == secondTable).Select(p => p.Id).SingleAsync());
        await o.GotoAsync($"/projects/{project}");
        await Expect(o.Locator("#comments")).ToContainTextAsync("培训人次偏低");
        await o.ClickAsync("#edit");
        await o.Locator("input[data-target-text][value='不少于100人次']").FillAsync("不少于150人次");
        await o.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await Expect(o).ToHaveURLAsync(new Regex($"/projects/{project}$"));
        await o.GotoAsync($"/documents/{secondTable}");
        await o.ClickAsync("#submit");
        await Expect(o.Locator("#state")).ToHaveTextAsync("已送审");

        // The department sees what changed since its return, and passes the table on.
        await d.GotoAsync($"/documents/{secondTable}");
        await Expect(d.Locator("#changes-since-return")).ToContainTextAsync("不少于150人次");
        await d.FillAsync("#approve-form textarea[name=comment]", "已按意见修改，同意报财政。");
        await d.CheckAsync("#approve-form input[name=confirmed]");
        await d.ClickAsync("#approve");
        await Expect(d.Locator("#state")).ToHaveTextAsync("主管部门已审核");

        // Finance has both in its queue and approves them: one on its page, one in a batch.
        await using var finance = await Browser.StartAsync(address, "finance");
        var f = finance.Page;
        await f.GotoAsync("/");
        await Expect(f.Locator("#todo-review tbody tr")).ToHaveCountAsync(2);
        await f.GotoAsync($"/documents/{secondTable}");
        await Expect(f.Locator("#approve")).ToHaveTextAsync("批复");
        await f.FillAsync("#approve-form textarea[name=comment]", "同意。");
        await f.CheckAsync("#approve-form input[name=confirmed]");
        await f.ClickAsync("#approve");
        await Expect(f.Locator("#state")).ToHaveTextAsync("已批复");
        await f.GotoAsync("/documents?status=endorsed");
        await f.CheckAsync($"input[name=ids][value='{firstTable}']");
        await f.CheckAsync("fieldset.batch input[name=confirmed]");
        await f.ClickAsync("#batch-approve");
        Assert.Equal(Domain.Workflow.WorkState.Approved, await StateAsync(app, firstTable));

        // The 审核意见书 keeps both stages' decisions, and downloads as a workbook that opens.
        await f.GotoAsync($"/documents/{secondTable}/opinion");
        await Expect(f.Locator("#stages tbody tr")).ToHaveCountAsync(3);
        await Expect(f.Locator("#stages tbody tr").Nth(0)).ToContainTextAsync("退回");
        await Expect(f.Locator("#stages tbody tr").Nth(1)).ToContainTextAsync("主管部门");
        await Expect(f.Locator("#stages tbody tr").Nth(2)).ToContainTextAsync("财政");
        await Expect(f.Locator("#decision")).ToHaveTextAsync("已批复");
        var opinion = await CellsAsync(await f.RunAndWaitForDownloadAsync(() => f.ClickAsync("#opinion-xlsx")));
        Assert.Contains("项目支出绩效目标审核意见书", opinion, StringComparison.Ordinal);
        Assert.Contains("审核通过", opinion, StringComparison.Ordinal);
        Assert.Contains(comments[2], opinion, StringComparison.Ordinal);

        // The region's workbook: a sheet for each unit and a summary.
        await f.GotoAsync("/seasons/2026");
        await Expect(f.Locator("#approved")).ToHaveTextAsync("2");
        var workbook = await CellsAsync(await f.RunAndWaitForDownloadAsync(() => f.ClickAsync("#workbook")));
        Assert.Contains(First, workbook, StringComparison.Ordinal);
        Assert.Contains(Second, workbook, StringComparison.Ordinal);
        Assert.Contains("不少于150人次", workbook, StringComparison.Ordinal);

        foreach (var browser in new[] { one, two, dept, finance })
        {
            await browser.AssertHealthyAsync();
        }
    }

    private static Task<Domain.Workflow.WorkState> StateAsync(JixiaoApp app, int document) =>
        app.QueryAsync(db => db.Documents.Where(x => x.Id == document).Select(x => x.Status).SingleAsync());

    /// <summary>Imports the unit's table through the import page; returns the stored table's id, its page open.</summary>
    private static async Task<int> ImportAsync(IPage page, string unit)
    {
        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = unit + ".txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Tenants.Table(unit)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        return int.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every cell's text of a downloaded workbook, after checking that it opens as one.</summary>
    private static async Task<string> CellsAsync(IDownload download)
    {
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return Workbooks.Text(copy.ToArray());
    }
}
