using System.Net.Http.Headers;
using System.Text;
using Jixiao.Import.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.Tests;

public class BrowserTests
{
    [Fact]
    public async Task ImportThroughTheForm_PreviewsConfirmsAndShowsTheProjectsFindings()
    {
        await using var app = JixiaoApp.Start("sqlite");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("input[type=file]", TestPaths.Sample);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();

        // The preview shows what was read and the review, and nothing is stored yet.
        await Expect(page.Locator(".ok")).ToContainTextAsync("项目 10 个");
        await Expect(page.Locator(".ok")).ToContainTextAsync("尚未保存");
        await Expect(page.GetByText("指标“影响力”的指标值“是否有影响力”是问句").First).ToBeVisibleAsync();
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        await Expect(page.Locator("h1")).ToHaveTextAsync("青溪市社区教育学院");
        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync()));

        await page.GetByRole(AriaRole.Link, new() { Name = "老年大学办学经费" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("老年大学办学经费");
        var row = page.Locator("tr", new() { HasText = "是否有影响力" });
        await Expect(row).ToContainTextAsync("是问句");
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task ImportForm_WithABadFile_SaysWhyInChineseAndStoresNothing()
    {
        await using var app = JixiaoApp.Start("sqlite");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("只有一段说明文字，没有表头。\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("无法读取该文件");
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync()));
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task Pages_ShowScriptInDocumentTextAsText()
    {
        await using var app = JixiaoApp.Start("sqlite");
        const string Script = "<script>alert(1)</script>";
        var table = "项目支出绩效目标表\n单位名称：<b>白沙开放学院</b>\n单位：万元\n项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
            + $"{Script}\t10.00\t10.00\t\t\t<img src=x onerror=alert(2)>\t1、产出指标：<i>培训</i>人数，年度指标值：{Script}。\n";
        using var client = app.Client();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(table));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "xss.txt");
        using var created = await client.PostAsync("/api/documents?year=2026", form, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var projectId = await app.QueryAsync(db => db.Projects.Select(p => p.Id).SingleAsync());

        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        foreach (var path in new[] { "/", "/documents", "/documents/1", $"/projects/{projectId}" })
        {
            await page.GotoAsync(path);
            await browser.AssertHealthyAsync();
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync(Script);
        await page.GotoAsync("/documents/1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Script })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task UnknownPage_ShowsAChineseNotFoundPage()
    {
        await using var app = JixiaoApp.Start("sqlite");
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var response = await browser.Page.GotoAsync("/projects/424242");
        Assert.Equal(404, response!.Status);
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync("找不到页面");
        await browser.AssertHealthyAsync();
    }
}

public class BrowserEditTests
{
    [Fact]
    public async Task EditATarget_ParsesItLiveAndTheFindingDisappearsOnSave()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var id = await app.QueryAsync(db => db.Projects.Where(p => p.Name == "老年大学办学经费" && p.DocumentId == 2).Select(p => p.Id).SingleAsync());
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync($"/projects/{id}");
        await Expect(page.Locator("tr", new() { HasText = "是否有影响力" })).ToContainTextAsync("是问句");
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();

        // The value attribute is the one rendered, so the locator keeps finding the row after the field changes.
        var target = page.Locator("input[data-target-text][value='是否有影响力']");
        var row = page.Locator("tr").Filter(new() { Has = target });
        await target.FillAsync("被市级以上媒体报道不少于2次");
        await Expect(row.Locator("[data-target-reading]")).ToContainTextAsync("≥ 2 次");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await page.WaitForURLAsync($"**/projects/{id}");
        await Expect(page.Locator("tr", new() { HasText = "被市级以上媒体报道不少于2次" })).ToBeVisibleAsync();
        await Expect(page.GetByText("是问句")).ToHaveCountAsync(0);
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task TwoPeopleEditingOneProject_TheSecondSaveIsRefusedWithAMessage()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var id = await app.QueryAsync(db => db.Projects.Where(p => p.Name == "社区学习中心运行保障经费" && p.DocumentId == 2).Select(p => p.Id).SingleAsync());
        await using var first = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        await using var second = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        await first.Page.GotoAsync($"/projects/{id}/edit");
        await second.Page.GotoAsync($"/projects/{id}/edit");

        await first.Page.Locator("textarea").FillAsync("第一位填报人保存的目标。");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await first.Page.WaitForURLAsync($"**/projects/{id}");

        await second.Page.Locator("textarea").FillAsync("第二位填报人基于旧页面的目标。");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await Expect(second.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("已被他人修改");

        await first.Page.GotoAsync($"/projects/{id}");
        await Expect(first.Page.GetByText("第一位填报人保存的目标。")).ToBeVisibleAsync();
        await first.AssertHealthyAsync();
        await second.AssertHealthyAsync();
    }

    [Fact]
    public async Task SavingTheEditPageUnchanged_KeepsEveryFieldAsWritten()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.Client();
        var table = """
            云岭县图书馆2026年项目支出绩效目标表
            单位名称：云岭县图书馆
            单位：万元
            项目名称（资金使用单位）	总计	财政拨款	财政专户拨款	其他资金	绩效目标	绩效指标
            云岭县图书馆	120.50	120.50				
            古籍修复经费	120.50	120.50		-	修复馆藏古籍，保障修复质量。	1、产出指标-质量指标：修复及时率，年度指标值：≥95%。2、产出指标：修复册数，年度指标值：不少于300册。4、满意度指标-服务对象满意度指标：读者满意度，年度指标值：≥90%。5、效益指标-可持续影响指标：修复技艺传承，年度指标值：培养修复人员2名。
            """.Replace("\\t", "\t", StringComparison.Ordinal);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(table)), "file", "古籍.txt");
        using var created = await client.PostAsync("/api/documents", form, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = await app.QueryAsync(db => db.Projects.Where(p => p.Name == "古籍修复经费").Select(p => p.Id).SingleAsync());
        var before = await client.GetStringAsync($"/api/projects/{id}", TestContext.Current.CancellationToken);

        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        await browser.Page.GotoAsync($"/projects/{id}/edit");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await browser.Page.WaitForURLAsync($"**/projects/{id}");

        var after = await client.GetStringAsync($"/api/projects/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(Written(before), Written(after));
        Assert.Contains("\"level2\": \"quality\", \"level2Inferred\": false", Written(after), StringComparison.Ordinal);
        await browser.AssertHealthyAsync();
    }

    /// <summary>What a user wrote of a project, from its API answer: amounts, goal and each indicator's seq, levels, name and target.</summary>
    private static string Written(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        var lines = new List<string>
        {
            string.Join(" ", new[] { "name", "total", "fiscalAppropriation", "specialAccount", "otherFunds", "goal" }.Select(p => root.GetProperty(p).ToString())),
        };
        foreach (var indicator in root.GetProperty("indicators").EnumerateArray())
        {
            lines.Add($"{indicator.GetProperty("seq")} \"level1\": \"{indicator.GetProperty("level1")}\" \"level2\": \"{indicator.GetProperty("level2")}\", \"level2Inferred\": {(indicator.GetProperty("level2Inferred").GetBoolean() ? "true" : "false")} {indicator.GetProperty("name")} = {indicator.GetProperty("targetText")}");
        }

        return string.Join("\n", lines);
    }

    [Fact]
    public async Task LettersInAnAmount_AreRefusedWithAChineseMessageAndTheInputKept()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        var id = await app.QueryAsync(db => db.Projects.Where(p => p.Name == "社区学习中心运行保障经费" && p.DocumentId == 2).Select(p => p.Id).SingleAsync());
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        await browser.Page.GotoAsync($"/projects/{id}/edit");
        await browser.Page.Locator("#Form_Total").FillAsync("一千万");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不是金额");
        await Expect(browser.Page.Locator("#Form_Total")).ToHaveValueAsync("一千万");
        Assert.Equal(1_286_400_000L, await app.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.TotalFen).SingleAsync()));
        await browser.AssertHealthyAsync();
    }
}

public class BrowserExportTests
{
    [Fact]
    public async Task ExportExcelFromTheDocumentPage_ReimportsThroughTheFormToTheSameDocument()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/documents/2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        // Saved under its own name: the year in it makes the re-import a duplicate of the same table.
        Assert.Equal("qingxi-community-college-2025.xlsx", download.SuggestedFilename);
        var folder = Directory.CreateTempSubdirectory("jixiao-export-");
        var file = Path.Combine(folder.FullName, download.SuggestedFilename);
        try
        {
            await download.SaveAsAsync(file);

            await page.GotoAsync("/import");
            await page.SetInputFilesAsync("input[type=file]", file);
            await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
            await Expect(page.Locator(".ok")).ToContainTextAsync("项目 10 个");
            await page.GetByRole(AriaRole.Button, new() { Name = "保留两份" }).ClickAsync();
            await page.WaitForURLAsync("**/documents/3");
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        using var client = app.Client();
        Assert.Equal(await Stripped(client, 2), await Stripped(client, 3));
        await browser.AssertHealthyAsync();
    }

    [Fact]
    public async Task PrintView_ShowsThePublishedLayout()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/documents/2");
        await page.GetByRole(AriaRole.Link, new() { Name = "打印" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("青溪市社区教育学院项目支出绩效目标表（含转移支付项目）");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(11);
        await Expect(page.Locator("tbody tr").Nth(1)).ToContainTextAsync("1、产出指标：开设居民课程数量，年度指标值：不少于300门。");
        await browser.AssertHealthyAsync();
    }

    /// <summary>The document JSON without what differs between a table and its re-import (ids, lines, source, diagnostics).</summary>
    private static async Task<string> Stripped(HttpClient client, int id)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/documents/{id}", TestContext.Current.CancellationToken))!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var key in new[] { "id", "line", "source", "diagnostics" })
                {
                    o.Remove(key);
                }

                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    Strip(child);
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var child in a)
                {
                    Strip(child);
                }

                break;
        }
    }
}

public class BrowserSearchTests
{
    [Fact]
    public async Task Search_FindsIndicatorTextAndFiltersBySeverity()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "查找" }).ClickAsync();
        await page.Locator("input[name=q]").FillAsync("满意度");
        await page.Locator("select[name=severity]").SelectOptionAsync("error");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Expect(page.Locator("p", new() { HasText = "共找到" })).ToContainTextAsync("共找到");
        var names = await page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.Contains("老年大学办学经费", names);
        Assert.DoesNotContain("社区学习中心运行保障经费", names);
        await browser.AssertHealthyAsync();
    }
}

public class BrowserBadUploadTests
{
    public static TheoryData<string, string> Uploads() => new()
    {
        { "empty", "空的" },
        { "pdf", "PDF" },
        { "bomb", "压缩" },
        { "over-limit", "上限" },
        { "far-over-limit", "上限" },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task UploadForm_BadFile_SaysWhyInChineseStoresNothingAndKeepsServing(string kind, string mentioned)
    {
        await using var app = JixiaoApp.Start("sqlite", maxUploadBytes: 64 * 1024);
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress);
        var page = browser.Page;
        var (name, bytes) = kind switch
        {
            "empty" => ("empty.txt", Array.Empty<byte>()),
            "pdf" => ("table.pdf", Encoding.ASCII.GetBytes("%PDF-1.7")),
            "bomb" => ("bomb.xlsx", TestFiles.ZipBomb()),
            "over-limit" => ("big.txt", new byte[100 * 1024]),
            _ => ("huge.txt", new byte[3 * 1024 * 1024]),
        };
        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = bytes });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByText(mentioned).First).ToBeVisibleAsync();
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync()));
        Assert.DoesNotContain("服务器出错", await page.TitleAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/");
        await browser.AssertHealthyAsync();
    }
}
