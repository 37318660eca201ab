using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Workflow;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>The overview's 待办: an officer's drafts and returned tables (with the return's comments), a reviewer's queue.</summary>
public class ToDoTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_ListsWhatWaitsForEachRole()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (returned, project) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        var (queued, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        var (draft, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        var seq = await app.QueryAsync(db => db.Indicators.Where(i => i.ProjectId == project).Select(i => i.Seq).FirstAsync(Cancel));

        using var reviewerApi = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var back = await reviewerApi.PostAsJsonAsync($"/api/documents/{returned}/return", new
        {
            comments = new object[]
            {
                new { projectId = (int?)null, indicatorSeq = (int?)null, text = "请补充年度目标。" },
                new { projectId = (int?)project, indicatorSeq = (int?)null, text = "资金来源不清。" },
                new { projectId = (int?)project, indicatorSeq = (int?)seq, text = "指标值应量化。" },
            },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);

        using var officer = await Tenants.SignInAsync(app, Tenants.Officer);
        var officerPage = WebUtility.HtmlDecode(await officer.GetStringAsync("/", Cancel));
        Assert.Contains("id=\"todo-returned\"", officerPage, StringComparison.Ordinal);
        Assert.Contains($"/documents/{returned}\"", Section(officerPage, "todo-returned"), StringComparison.Ordinal);
        Assert.Contains("3 条", Section(officerPage, "todo-returned"), StringComparison.Ordinal);
        Assert.Contains($"/documents/{draft}\"", Section(officerPage, "todo-drafts"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"todo-review\"", officerPage, StringComparison.Ordinal);

        using var reviewer = await Tenants.SignInAsync(app, Tenants.DepartmentReviewer);
        var reviewerPage = WebUtility.HtmlDecode(await reviewer.GetStringAsync("/", Cancel));
        Assert.Contains($"/documents/{queued}\"", Section(reviewerPage, "todo-review"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/documents/{returned}\"", Section(reviewerPage, "todo-review"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"todo-drafts\"", reviewerPage, StringComparison.Ordinal);
    }

    /// <summary>The table with <paramref name="id"/> on the page.</summary>
    private static string Section(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {id} on the page");
        var end = page.IndexOf("</table>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
