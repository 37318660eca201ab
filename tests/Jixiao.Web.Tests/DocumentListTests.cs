using System.Net;
using System.Text.Json;
using Jixiao.Domain.Workflow;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>Lists that find things: the tables by state, year, unit subtree, errors and quality score, in the API and on the page.</summary>
public class DocumentListTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_FilterByStateYearUnitSubtreeErrorsAndScore()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (submitted, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        var (draft, _) = await tenants.AddDocumentAsync(Tenants.UnitB);
        var (other, _) = await tenants.AddDocumentAsync(Tenants.UnitC, WorkState.Approved);
        await app.QueryAsync(async db =>
        {
            await db.Documents.Where(d => d.Id == other)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Year, 2025).SetProperty(d => d.ErrorCount, 2).SetProperty(d => d.Score, 61.5m), Cancel);
            return 0;
        });
        using var client = app.Client();

        async Task<List<(int Id, string State, int? Year)>> ListAsync(string query)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/documents" + query, Cancel));
            return [.. json.RootElement.EnumerateArray().Select(d => (d.GetProperty("id").GetInt32(), d.GetProperty("state").GetString()!,
                d.GetProperty("year").ValueKind == JsonValueKind.Null ? (int?)null : d.GetProperty("year").GetInt32()))];
        }

        Assert.Equal([submitted], (await ListAsync("?status=submitted")).Select(d => d.Id));
        Assert.Equal("submitted", (await ListAsync("?status=submitted"))[0].State);
        Assert.Equal([other], (await ListAsync("?year=2025")).Select(d => d.Id));
        Assert.Equal([submitted, draft], (await ListAsync("?unit=" + Uri.EscapeDataString("南岭市"))).Select(d => d.Id));
        Assert.Equal([submitted], (await ListAsync("?unit=" + Uri.EscapeDataString("南岭市教育局"))).Select(d => d.Id));
        Assert.Equal([other], (await ListAsync("?hasErrors=true")).Select(d => d.Id));
        Assert.Equal([submitted, draft], (await ListAsync("?hasErrors=false")).Select(d => d.Id));
        Assert.Equal([other], (await ListAsync("?maxScore=70")).Select(d => d.Id));
        Assert.Equal(3, (await ListAsync("")).Count);

        using var bad = await client.GetAsync("/api/documents?status=finished", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status 只能是", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var reviewer = await Tenants.SignInAsync(app, Tenants.FinanceReviewer);
        var page = WebUtility.HtmlDecode(await reviewer.GetStringAsync("/documents?status=submitted", Cancel));
        Assert.Contains("已送审", page, StringComparison.Ordinal);
        Assert.Contains($"/documents/{submitted}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/documents/{draft}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/import\"", page, StringComparison.Ordinal);
        Assert.Contains("北京时间", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAFileWithoutAYear_CannotCompleteWithoutOne()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.Client();
        var table = System.Text.Encoding.UTF8.GetBytes(Tenants.Table("无年度学校", "").Replace("年项目支出", "项目支出", StringComparison.Ordinal));

        using var without = await client.PostAsync("/api/documents", new MultipartFormDataContent { { new ByteArrayContent(table), "file", "targets.txt" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        using (var problem = JsonDocument.Parse(await without.Content.ReadAsStringAsync(Cancel)))
        {
            Assert.Contains("没有写明预算年度", problem.RootElement.GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));

        using var badYear = await client.PostAsync("/api/documents", new MultipartFormDataContent
        {
            { new ByteArrayContent(table), "file", "targets.txt" }, { new StringContent("明年"), "year" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);

        using var with = await client.PostAsync("/api/documents", new MultipartFormDataContent
        {
            { new ByteArrayContent(table), "file", "targets.txt" }, { new StringContent("2027"), "year" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        Assert.Equal([2027], await app.QueryAsync(db => db.Documents.Select(d => d.Year).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task ImportPreview_OfALargeTable_IsSummarised_WithTheFirstProjectsInFull()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var rows = string.Join("\n", Enumerable.Range(1, 25).Select(n =>
            $"{Tenants.UnitA}专项{n:00}\t10.00\t10.00\t\t\t完成专项任务{n}。\t1、产出指标：完成任务数，年度指标值：是否完成。2、满意度指标：满意度，年度指标值：≥90%。"));
        var table = $"{Tenants.UnitA}2027年项目支出绩效目标表\n单位名称：{Tenants.UnitA}\n单位：万元\n项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n{rows}\n";
        using var officer = await tenants.SignInAsync(Tenants.Officer);
        var page = await officer.GetStringAsync("/import", Cancel);
        using var preview = await officer.PostAsync("/import?handler=Preview", new MultipartFormDataContent
        {
            { new StringContent(Tenants.FormToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(table)), "file", "large.txt" },
        }, Cancel);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("id=\"findings-by-rule\"", html, StringComparison.Ordinal);
        Assert.Contains("指标值是问句", html, StringComparison.Ordinal);
        Assert.Contains("第 1–20 个项目的指标，共 25 个项目", html, StringComparison.Ordinal);
        Assert.Contains("id=\"more-projects\"", html, StringComparison.Ordinal);
        Assert.Contains($"{Tenants.UnitA}专项25", html, StringComparison.Ordinal);
        Assert.DoesNotContain("完成专项任务25。", html, StringComparison.Ordinal);
        Assert.Contains("第 1 / 2 页", html, StringComparison.Ordinal);

        // The next page reads the held upload again and shows the last five in full; nothing is stored.
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"Token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        using var next = await officer.PostAsync("/import?handler=Turn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Tenants.FormToken(html), ["Token"] = token, ["FileName"] = "large.txt", ["p"] = "2",
        }), Cancel);
        var second = WebUtility.HtmlDecode(await next.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("第 21–25 个项目的指标，共 25 个项目", second, StringComparison.Ordinal);
        Assert.Contains("完成专项任务25。", second, StringComparison.Ordinal);
        Assert.DoesNotContain("完成专项任务20。", second, StringComparison.Ordinal);
        Assert.Contains("第 2 / 2 页", second, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));

        // And the upload can still be confirmed from there.
        using var confirmed = await officer.PostAsync("/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Tenants.FormToken(second), ["Token"] = token, ["FileName"] = "large.txt",
        }), Cancel);
        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
    }
}
