using Jixiao.Import.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.Tests;

/// <summary>The import page with forms: it says which form it found and how sure it is, asks for a year the file does not give, and reports what a self-evaluation form did.</summary>
public class BrowserFormsImportTests
{
    [Fact]
    public async Task ImportAFormWithoutAYear_ShowsTheFormAndAsksForTheYear()
    {
        await using var app = JixiaoApp.Start("sqlite");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        var form = TestPaths.GoldenInput("department-wide.spec").Replace("2025年", "", StringComparison.Ordinal);

        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "部门整体.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(form) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();

        await Expect(page.GetByText("表样：")).ToContainTextAsync("部门（单位）整体支出绩效目标表");
        await Expect(page.GetByText("表样：")).ToContainTextAsync("识别把握：高（100%）");
        await Expect(page.GetByText("表样：")).ToContainTextAsync("文件中未写明");
        await page.GetByLabel("文件中没有写明预算年度，请填写").FillAsync("2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        await Expect(page.Locator("p.muted").First).ToContainTextAsync("年度：2024");
        Assert.Equal(2024, await app.QueryAsync(db => db.Documents.Select(d => d.Year).SingleAsync()));
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task ImportASelfEvaluationForm_SaysWhatWasAttachedAndTheSelfEvaluationPageComparesTheScores()
    {
        await using var app = JixiaoApp.Start("sqlite");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "自评表.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(TestPaths.GoldenInput("self-evaluation.spec")),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByText("表样：")).ToContainTextAsync("绩效自评表");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        await Expect(page.Locator("#import-notes")).ToContainTextAsync("自评表申报总分 93.5");

        var project = await app.QueryAsync(db => db.Projects.Select(p => p.Id).SingleAsync());
        await page.GotoAsync($"/projects/{project}/self-evaluation");
        await Expect(page.Locator("#declared")).ToContainTextAsync("自评表申报总分 93.5（优）");
        await Expect(page.Locator("#declared")).ToContainTextAsync("垃圾清理及时率");
        await browser.AssertHealthyAsync();
    }
}
