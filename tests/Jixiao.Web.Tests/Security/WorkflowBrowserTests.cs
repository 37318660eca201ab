using Jixiao.Web.Security;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.Tests.Security;

/// <summary>The 送审 → 退回 → 送审 → 批复 → 调整 round as the people involved click through it.</summary>
public class WorkflowBrowserTests
{
    [Fact]
    public async Task SubmitReturnFixResubmitApprove_ThenAdjustMakesVersion2_AndTheHistoryNamesEachAuthor()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, project) = await tenants.AddDocumentAsync(Tenants.UnitA);
        await using var officer = await Browser.StartAsync(app.ClientOptions.BaseAddress, Tenants.Officer);
        await using var reviewer = await Browser.StartAsync(app.ClientOptions.BaseAddress, Tenants.DepartmentReviewer);
        var o = officer.Page;
        var r = reviewer.Page;

        // The officer submits.
        await o.GotoAsync($"/documents/{document}");
        await Expect(o.Locator("#state")).ToHaveTextAsync("草稿");
        await Expect(o.Locator("#submit-warning")).ToHaveCountAsync(0);
        await o.ClickAsync("#submit");
        await Expect(o.Locator("#state")).ToHaveTextAsync("已送审");
        await o.GotoAsync($"/projects/{project}");
        await Expect(o.Locator("#edit")).ToHaveCountAsync(0);

        // The reviewer returns it with a comment on the project's first indicator.
        await r.GotoAsync($"/documents/{document}");
        await Expect(r.Locator("#state")).ToHaveTextAsync("已送审");
        await r.FillAsync("#return-comment", "培训人次偏低，请提高到不少于120人次。");
        await r.SelectOptionAsync("#return-project", new SelectOptionValue { Label = Tenants.UnitA + "教师培训项目" });
        await r.FillAsync("#return-seq", "1");
        await r.ClickAsync("#return");
        await Expect(r.Locator("#state")).ToHaveTextAsync("已退回");

        // The officer reads the comment beside the project, fixes the target and submits again.
        await o.GotoAsync($"/projects/{project}");
        await Expect(o.Locator("#comments")).ToContainTextAsync("培训人次偏低");
        await Expect(o.Locator("#comments")).ToContainTextAsync("指标 1");
        await o.ClickAsync("#edit");
        await o.Locator("input[data-target-text][value='不少于100人次']").FillAsync("不少于120人次");
        await o.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await Expect(o).ToHaveURLAsync(new Regex($"/projects/{project}$"));
        await Expect(o.Locator("tr", new() { HasText = "不少于120人次" })).ToBeVisibleAsync();
        await o.GotoAsync($"/documents/{document}");
        await o.ClickAsync("#submit");
        await Expect(o.Locator("#state")).ToHaveTextAsync("已送审");

        // The reviewer approves.
        await r.GotoAsync($"/documents/{document}");
        await r.FillAsync("#approve-form textarea[name=comment]", "同意，按此执行。");
        await r.CheckAsync("#approve-form input[name=confirmed]");
        await r.ClickAsync("#approve");
        await Expect(r.Locator("#state")).ToHaveTextAsync("已批复");

        // The officer can no longer edit: no link, and the edit page itself is refused.
        await o.GotoAsync($"/projects/{project}");
        await Expect(o.Locator("#edit")).ToHaveCountAsync(0);
        var refused = await o.GotoAsync($"/projects/{project}/edit");
        Assert.Equal(403, refused!.Status);

        // 调整 opens version 2 as a draft; a change in it shows in the comparison with version 1.
        await o.GotoAsync($"/documents/{document}");
        await o.ClickAsync("#adjust");
        await Expect(o.Locator("#version")).ToHaveTextAsync("2");
        await Expect(o.Locator("#state")).ToHaveTextAsync("草稿");
        await o.GotoAsync($"/projects/{project}/edit");
        await o.Locator("input[data-target-text][value='不少于120人次']").FillAsync("不少于150人次");
        await o.GetByRole(AriaRole.Button, new() { Name = "保存并重新审核" }).ClickAsync();
        await Expect(o).ToHaveURLAsync(new Regex($"/projects/{project}$"));
        await o.GotoAsync($"/documents/{document}/diff?from=1&to=2");
        var change = o.Locator("#changes tr", new() { HasText = "培训人次" });
        await Expect(change).ToContainTextAsync("不少于120人次");
        await Expect(change).ToContainTextAsync("不少于150人次");

        // The history lists every step, in order, with who took it.
        await o.GotoAsync($"/projects/{project}/history");
        var rows = await o.Locator("#history tbody tr").AllInnerTextsAsync();
        var steps = rows.Select(row => row.Split('\t')).Select(cells => (User: cells[1].Trim(), Action: cells[2].Trim())).ToList();
        var expected = new[]
        {
            (Tenants.Officer, "送审"),
            (Tenants.DepartmentReviewer, "退回"),
            (Tenants.Officer, "修改项目"),
            (Tenants.Officer, "送审"),
            (Tenants.DepartmentReviewer, "批复"),
            (Tenants.Officer, "调整"),
            (Tenants.Officer, "修改项目"),
        };
        Assert.Equal(expected, steps.Where(s => s.Action != "导入").ToArray());
        await officer.AssertHealthyAsync();
        await reviewer.AssertHealthyAsync();
    }

    [Fact]
    public async Task SignInWithAOneTimePassword_AsksForANewOneFirst()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var admin = app.Client();
        using var created = await admin.PostAsync("/api/users", System.Net.Http.Json.JsonContent.Create(new { userName = "newcomer", role = "管理员" }), TestContext.Current.CancellationToken);
        var password = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("password").GetString()!;
        await using var browser = await Browser.StartAsync(app.ClientOptions.BaseAddress, user: null);
        var page = browser.Page;
        await page.GotoAsync("/documents");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#user", "newcomer");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login");
        await Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await page.GotoAsync("/documents");
        await page.WaitForURLAsync("**/account/password");
        await page.FillAsync("#current", password);
        await page.FillAsync("#new", "short1");
        await page.FillAsync("#repeat", "short1");
        await page.ClickAsync("#change");
        await Expect(page.Locator(".message").Last).ToContainTextAsync("至少要 10 个字符");
        await page.FillAsync("#current", password);
        await page.FillAsync("#new", "my-own-pass-2026");
        await page.FillAsync("#repeat", "my-own-pass-2026");
        await page.ClickAsync("#change");
        await Expect(page.Locator("#password-done")).ToBeVisibleAsync();
        await page.GotoAsync("/documents");
        await Expect(page.Locator("h1")).ToContainTextAsync("绩效目标表");
        await browser.SignOutAsync();
        await page.GotoAsync("/documents");
        await page.WaitForURLAsync("**/account/login**");
        await browser.AssertHealthyAsync();
    }
}
