using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Import.Tests;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

public class ProjectsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Search_FiltersByTextUnitLevelSeverityAndAmount(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();

        var all = await Page(client, "");
        Assert.Equal(20, all.GetProperty("total").GetInt32());

        // Substring of an indicator's target text.
        var question = await Page(client, "?q=" + Uri.EscapeDataString("是否有影响力"));
        Assert.Equal(["老年大学办学经费", "老年大学办学经费"], Names(question));

        // Substring of a goal, one unit, one year's table each.
        Assert.Equal(2, (await Page(client, "?q=" + Uri.EscapeDataString("消除安全隐患"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Page(client, "?unit=" + Uri.EscapeDataString("白沙"))).GetProperty("total").GetInt32());

        // Amount range in 万元: 1,286.40 and 2,045.00 are the two projects over 1,000 in each year.
        var large = await Page(client, "?minTotal=1000");
        Assert.Equal(4, large.GetProperty("total").GetInt32());
        Assert.All(large.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("total").GetDecimal() >= 1000m));

        var errors = await Page(client, "?severity=error");
        Assert.Contains("老年大学办学经费", Names(errors));
        Assert.DoesNotContain("社区学习中心运行保障经费", Names(errors));

        var paged = await Page(client, "?pageSize=3&page=2");
        Assert.Equal(3, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(2, paged.GetProperty("page").GetInt32());

        using var bad = await client.GetAsync("/api/projects?level1=outputs", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var tooLarge = await client.GetAsync("/api/projects?pageSize=5000", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Put_FixingAQuestion_RemovesItsFindingAndBumpsTheVersion(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "老年大学办学经费", 2);
        var (project, etag) = await Get(client, id);
        Assert.Contains(project.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "IND-QUESTION");

        var edit = Edit(project, indicator => indicator.GetProperty("targetText").GetString() == "是否有影响力" ? "被市级以上媒体报道不少于2次" : null);
        using var saved = await Put(client, id, edit, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.DoesNotContain(after.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "IND-QUESTION");
        Assert.Equal(project.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        Assert.NotEqual(etag, saved.Headers.ETag?.Tag);
        Assert.True(after.GetProperty("score").GetDecimal() > project.GetProperty("score").GetDecimal());

        // The document's stored counts follow.
        var documentId = project.GetProperty("documentId").GetInt32();
        Assert.Equal(await app.QueryAsync(db => db.Findings.CountAsync(f => f.DocumentId == documentId && f.Severity == "error", Cancel)),
            await app.QueryAsync(db => db.Documents.Where(d => d.Id == documentId).Select(d => d.ErrorCount).SingleAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Put_WithAStaleETag_IsRefusedAndChangesNothing(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费", 2);
        var (project, etag) = await Get(client, id);

        using var first = await Put(client, id, Edit(project, _ => null, goal: "第一位审核人修改后的目标。"), etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await Put(client, id, Edit(project, _ => null, goal: "第二位审核人基于旧版本的修改。"), etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("已被修改", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("第一位审核人修改后的目标。", (await Get(client, id)).Project.GetProperty("goal").GetString());

        using var missing = await Put(client, id, Edit(project, _ => null), null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Put_LettersInAnAmountOrAnUnknownLevel_IsRefusedInChineseAndChangesNothing(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费", 2);
        var (project, etag) = await Get(client, id);
        var edit = Edit(project, _ => null);
        edit["total"] = "一千二百万";
        ((List<Dictionary<string, object?>>)edit["indicators"]!)[0]["level1"] = "投入";

        using var response = await Put(client, id, edit, etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var errors = problem.GetProperty("errors");
        Assert.Contains("不是金额", errors.GetProperty("total")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("投入", errors.GetProperty("indicators[0].level1")[0].GetString(), StringComparison.Ordinal);
        var (unchanged, sameTag) = await Get(client, id);
        Assert.Equal(etag, sameTag);
        Assert.Equal(project.GetProperty("total").GetDecimal(), unchanged.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Put_AddsRemovesAndReordersIndicators()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费", 2);
        var (project, etag) = await Get(client, id);
        var edit = Edit(project, _ => null);
        var indicators = (List<Dictionary<string, object?>>)edit["indicators"]!;
        indicators.Reverse();
        indicators.RemoveAt(0);
        indicators.Add(new Dictionary<string, object?> { ["level1"] = "效益", ["level2"] = null, ["name"] = "居民学习参与率", ["targetText"] = "≥30%" });

        using var response = await Put(client, id, edit, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(indicators.Count, saved.Count);
        Assert.Equal(Enumerable.Range(1, saved.Count), saved.Select(i => i.GetProperty("seq").GetInt32()));
        Assert.Equal(indicators.Select(i => (string)i["name"]!), saved.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("benefit", saved[^1].GetProperty("level1").GetString());
        Assert.Equal(30m, saved[^1].GetProperty("clauses")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Put_WhatGetAnswered_ChangesNothingAUserWrote()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "老年大学办学经费", 2);
        var (project, etag) = await Get(client, id);
        var edit = Edit(project, _ => null);
        var indicators = (List<Dictionary<string, object?>>)edit["indicators"]!;
        var sent = project.GetProperty("indicators").EnumerateArray().ToList();
        for (var i = 0; i < indicators.Count; i++)
        {
            indicators[i]["level2"] = sent[i].GetProperty("level2").GetString();
            indicators[i]["level2Inferred"] = sent[i].GetProperty("level2Inferred").GetBoolean();
            indicators[i]["seq"] = sent[i].GetProperty("seq").GetInt32();
        }

        using var response = await Put(client, id, edit, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("indicators").EnumerateArray().ToList();
        string Show(JsonElement i) => $"{i.GetProperty("seq")} {i.GetProperty("level1")} {i.GetProperty("level2")} {i.GetProperty("level2Inferred")} {i.GetProperty("name")} {i.GetProperty("targetText")}";
        Assert.Equal(sent.Select(Show), saved.Select(Show));
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task ProjectForm_IsStoredWithItsAttributesAndExplanations_WhichASaveKeeps(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var form = string.Join("\n",
            "2025年项目支出绩效目标申报表",
            "项目名称\t乡村学校少年宫运行经费",
            "主管部门及代码\t[206001]云岭县教育局\t\t实施单位\t云岭县第二中学",
            "项目属性\t■ 延续项目 □ 新增项目\t\t项目期\t2025年1月-2025年12月",
            "项目资金（万元）\t年度资金总额\t36.50",
            "\t其中：财政拨款\t30.00",
            "年度目标\t组织兴趣课程不少于120课时。",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            "产出指标\t数量指标\t开设兴趣课程课时数\t≥120课时\t全年累计课时",
            "满意度指标\t服务对象满意度指标\t学生及家长满意度\t≥90%\t问卷调查");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(form)), "file", "少年宫.txt" } };
        using var created = await client.PostAsync("/api/documents", content, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await ProjectId(app, "乡村学校少年宫运行经费", (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32());
        var (project, etag) = await Get(client, id);
        var attributes = project.GetProperty("attributes");
        Assert.Equal("云岭县教育局", attributes.GetProperty("department").GetString());
        Assert.Equal("206001", attributes.GetProperty("departmentCode").GetString());
        Assert.Equal("延续项目", attributes.GetProperty("category").GetString());
        Assert.Equal("全年累计课时", project.GetProperty("indicators")[0].GetProperty("explanation").GetString());

        using var saved = await Put(client, id, Edit(project, _ => null, goal: "组织兴趣课程不少于130课时。"), etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (after, _) = await Get(client, id);
        Assert.Equal("全年累计课时", after.GetProperty("indicators")[0].GetProperty("explanation").GetString());
        Assert.Equal("云岭县第二中学", after.GetProperty("attributes").GetProperty("implementingUnit").GetString());
        var document = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{project.GetProperty("documentId").GetInt32()}", Cancel);
        Assert.Equal("projectForms", document.GetProperty("form").GetString());
    }

    [Theory]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"0\", \"{0}\"", HttpStatusCode.OK)]
    [InlineData("W/\"{0}\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"999\"", HttpStatusCode.PreconditionFailed)]
    public async Task Put_IfMatch_FollowsRfc9110(string header, HttpStatusCode expected)
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        var id = await ProjectId(app, "社区学习中心运行保障经费", 2);
        var (project, etag) = await Get(client, id);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = JsonContent.Create(Edit(project, _ => null, goal: "改过的目标。")) };
        request.Headers.TryAddWithoutValidation("If-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, etag!.Trim('"')));
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(expected, response.StatusCode);
        var (after, _) = await Get(client, id);
        Assert.Equal(expected == HttpStatusCode.OK ? "改过的目标。" : project.GetProperty("goal").GetString(), after.GetProperty("goal").GetString());
    }

    [Fact]
    public async Task ParseTarget_ReadsAsTheGrammarDoes()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.Client();
        var reading = await client.GetFromJsonAsync<JsonElement>("/api/targets/parse?text=" + Uri.EscapeDataString("不少于110人"), Cancel);
        Assert.Equal("quantitative", reading.GetProperty("kind").GetString());
        Assert.Contains("≥ 110 人", reading.GetProperty("reading").GetString(), StringComparison.Ordinal);
        var question = await client.GetFromJsonAsync<JsonElement>("/api/targets/parse?text=" + Uri.EscapeDataString("是否有影响力"), Cancel);
        Assert.Equal("question", question.GetProperty("form").GetString());
    }

    internal static async Task<JsonElement> Page(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>("/api/projects" + query, Cancel);

    internal static List<string?> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString())];

    internal static Task<int> ProjectId(JixiaoApp app, string name, int documentId) =>
        app.QueryAsync(db => db.Projects.Where(p => p.Name == name && p.DocumentId == documentId).Select(p => p.Id).SingleAsync(Cancel));

    internal static async Task<(JsonElement Project, string? ETag)> Get(HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/api/projects/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel), response.Headers.ETag?.Tag);
    }

    /// <summary>The project as an edit, with some targets replaced.</summary>
    internal static Dictionary<string, object?> Edit(JsonElement project, Func<JsonElement, string?> newTarget, string? goal = null)
    {
        string? Amount(string name) => project.GetProperty(name).ValueKind == JsonValueKind.Null ? null
            : project.GetProperty(name).GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, object?>
        {
            ["name"] = project.GetProperty("name").GetString(),
            ["total"] = Amount("total"),
            ["fiscalAppropriation"] = Amount("fiscalAppropriation"),
            ["specialAccount"] = Amount("specialAccount"),
            ["otherFunds"] = Amount("otherFunds"),
            ["goal"] = goal ?? project.GetProperty("goal").GetString(),
            ["indicators"] = project.GetProperty("indicators").EnumerateArray().Select(i => new Dictionary<string, object?>
            {
                ["level1"] = i.GetProperty("level1").GetString(),
                ["level2"] = null,
                ["name"] = i.GetProperty("name").GetString(),
                ["targetText"] = newTarget(i) ?? i.GetProperty("targetText").GetString(),
            }).ToList(),
        };
    }

    internal static async Task<HttpResponseMessage> Put(HttpClient client, int id, Dictionary<string, object?> edit, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = JsonContent.Create(edit) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return await client.SendAsync(request, Cancel);
    }
}
