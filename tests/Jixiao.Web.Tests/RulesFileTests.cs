using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The rules the server applies come from its configuration: <c>Jixiao:RulesFile</c> for every unit, and
/// <c>Jixiao:RegionRules</c> for the units under a region of the tree. What the API and the pages say follows
/// them, and tables stored under other rules are reviewed again when the server starts.
/// </summary>
public sealed class RulesFileTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("jixiao-rules-").FullName;

    /// <summary>A table with one question-form target (IND-QUESTION, an error under the national rules).</summary>
    private static string Table(string unit) => $"""
        {unit}2027年项目支出绩效目标表

        单位名称：{unit}

        单位：万元

        项目名称（资金使用单位）	总计	财政拨款	财政专户拨款	其他资金	绩效目标	绩效指标
        {unit}	80.00	80.00
        {unit}宣传推广项目	80.00	80.00			开展宣传推广活动不少于12场，提升公众知晓度。	1、产出指标：活动场次，年度指标值：不少于12场。2、效益指标：社会影响，年度指标值：是否扩大了影响。3、满意度指标：群众满意度，年度指标值：≥90%。

        """;

    /// <summary>A provincial rules file: the question rule switched off, warnings weighing nothing.</summary>
    private string RulesFile()
    {
        var path = Path.Combine(_folder, "rules.json");
        File.WriteAllText(path, """
            {
              // 示例：某省的审核规则（只写与全国默认不同的设置）
              "name": "试点省审核规则",
              "region": "试点省",
              "severities": { "IND-QUESTION": "off" },
              "score": { "warning": 0 }
            }
            """);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RulesFile_TurnsARuleOff_InTheReviewApiAndOnThePages()
    {
        await using var national = JixiaoApp.Start("sqlite");
        await using var provincial = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:RulesFile"] = RulesFile() });

        var (nationalReview, nationalPage, nationalScore) = await ReviewAsync(national, "规则甲校");
        var (provincialReview, provincialPage, provincialScore) = await ReviewAsync(provincial, "规则甲校");

        Assert.Contains("IND-QUESTION", nationalReview, StringComparison.Ordinal);
        Assert.DoesNotContain("IND-QUESTION", provincialReview, StringComparison.Ordinal);
        Assert.Contains("是问句，不是目标", nationalPage, StringComparison.Ordinal);
        Assert.Contains("是否扩大了影响", provincialPage, StringComparison.Ordinal);
        Assert.DoesNotContain("是问句，不是目标", provincialPage, StringComparison.Ordinal);
        Assert.True(provincialScore > nationalScore, $"{provincialScore} should exceed {nationalScore} once the rule is off");
    }

    [Fact]
    public async Task RegionRules_ApplyToTheUnitsUnderTheRegion_Only()
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:RegionRules:试点市"] = RulesFile() });
        var region = await app.AddUnitAsync("试点市", "region", null);
        var department = await app.AddUnitAsync("试点市教育局", "department", region);
        await app.AddUnitAsync("试点甲校", "unit", department);
        var elsewhere = await app.AddUnitAsync("他市", "region", null);
        await app.AddUnitAsync("他市乙校", "unit", await app.AddUnitAsync("他市教育局", "department", elsewhere));

        var (inRegion, _, _) = await ReviewAsync(app, "试点甲校");
        var (outside, _, _) = await ReviewAsync(app, "他市乙校");

        Assert.DoesNotContain("IND-QUESTION", inRegion, StringComparison.Ordinal);
        Assert.Contains("IND-QUESTION", outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredTables_AreReviewedAgain_WhenTheServerStartsWithOtherRules()
    {
        var file = Path.Combine(_folder, "jixiao.db");
        int id;
        await using (var before = JixiaoApp.Start("sqlite", sqliteFile: file))
        {
            id = await UploadAsync(before, "重审甲校");
            Assert.Contains("IND-QUESTION", await FindingCodesAsync(before, id), StringComparer.Ordinal);
        }

        await using var after = JixiaoApp.Start("sqlite", sqliteFile: file, settings: new Dictionary<string, string> { ["Jixiao:RulesFile"] = RulesFile() });
        Assert.DoesNotContain("IND-QUESTION", await FindingCodesAsync(after, id), StringComparer.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void BadRulesFile_StopsTheServer_WithTheReasonInChinese()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, """{ "severities": { "NO-SUCH-RULE": "error" } }""");
        var failure = Assert.ThrowsAny<Exception>(() => JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:RulesFile"] = path }));
        var message = failure.ToString();
        Assert.Contains("审核规则文件", message, StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-RULE", message, StringComparison.Ordinal);
    }

    private static async Task<int> UploadAsync(JixiaoApp app, string unit)
    {
        using var client = app.Client();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Table(unit))), "file", unit + ".txt" } };
        using var response = await client.PostAsync("/api/documents", form, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();
    }

    /// <summary>The review as the API gives it, the project's page and the stored quality score of the table.</summary>
    private static async Task<(string Review, string Page, decimal Score)> ReviewAsync(JixiaoApp app, string unit)
    {
        var id = await UploadAsync(app, unit);
        using var client = app.Client();
        var review = await client.GetStringAsync($"/api/documents/{id}/review", Cancel);
        var project = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == id).Select(p => p.Id).SingleAsync(Cancel));
        using var signedIn = await Security.Tenants.SignInAsync(app, Security.Tenants.Admin);
        var page = await signedIn.GetStringAsync($"/projects/{project}", Cancel);
        var score = await app.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Score).SingleAsync(Cancel));
        return (review, page, score);
    }

    private static Task<List<string>> FindingCodesAsync(JixiaoApp app, int id) =>
        app.QueryAsync(db => db.Findings.Where(f => f.DocumentId == id).Select(f => f.Code).ToListAsync(Cancel));
}
