using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jixiao.Import.Tests;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// A self-evaluation form read is a self-evaluation stored: importing one attaches its actuals to the
/// project's stored targets (or to the targets it brings when none are stored), scores them by the rules,
/// and keeps the declared scores beside ours, on the API and the page.
/// </summary>
public class SelfEvaluationImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The 2024 target form of the project the self-evaluation spec reports on.</summary>
    private const string TargetForm = """
        2024年项目支出绩效目标表
        项目名称	河湖巡查保洁服务
        主管部门	青溪县水务局	实施单位	青溪县河道管理所
        年度资金总额	80.00
        年度目标	完成全县主要河道巡查保洁。
        一级指标	二级指标	三级指标	指标值
        产出指标	数量指标	巡查河道条数	≥40条
        	质量指标	河面保洁达标率	≥95%
        	时效指标	垃圾清理及时率	≥90%
        效益指标	生态效益指标	河道水质改善	逐步改善
        满意度指标	服务对象满意度指标	沿河群众满意度	≥90%
        """;

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task SelfEvaluationForm_AttachesToTheStoredTargets_AndKeepsTheDeclaredScoresBesideOurs(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var targets = await Upload(client, "目标表.txt", TargetForm);
        var targetProject = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == targets.GetProperty("id").GetInt32()).Select(p => p.Id).SingleAsync(Cancel));

        var imported = await Upload(client, "自评表.txt", TestPaths.GoldenInput("self-evaluation.spec"));
        Assert.Equal("selfEvaluation", imported.GetProperty("form").GetString());
        var note = Assert.Single(imported.GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.Contains("河湖巡查保洁服务", note, StringComparison.Ordinal);
        Assert.Contains("自评表申报总分 93.5", note, StringComparison.Ordinal);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{targetProject}/self-evaluation", Cancel);
        Assert.Equal("74.10", report.GetProperty("executed").GetString());
        var actuals = report.GetProperty("actuals").EnumerateArray().ToList();
        Assert.Equal(5, actuals.Count);
        Assert.Equal("85%", actuals.Single(a => a.GetProperty("seq").GetInt32() == 3).GetProperty("actual").GetString());
        Assert.Equal("汛期垃圾量大，下年增加临时人员", actuals.Single(a => a.GetProperty("seq").GetInt32() == 3).GetProperty("note").GetString());
        Assert.Equal("部分达成", actuals.Single(a => a.GetProperty("seq").GetInt32() == 4).GetProperty("actual").GetString());
        var declared = report.GetProperty("declared");
        Assert.Equal(93.5m, declared.GetProperty("score").GetDecimal());
        Assert.Equal("优", declared.GetProperty("grade").GetString());
        Assert.Equal(12m, declared.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("seq").GetInt32() == 3).GetProperty("score").GetDecimal());
        var ours = report.GetProperty("score").GetProperty("score").GetDecimal();
        Assert.InRange(ours, 1m, 100m);
        Assert.NotEqual(93.5m, ours);

        var page = await client.GetStringAsync($"/projects/{targetProject}/self-evaluation", Cancel);
        Assert.Contains("自评表申报总分", page, StringComparison.Ordinal);
        Assert.Contains("得分不同的指标", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task SelfEvaluationForm_WithNoStoredTargets_IsScoredAgainstTheTargetsItBrings(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var imported = await Upload(client, "自评表.txt", TestPaths.GoldenInput("self-evaluation.spec"));
        var document = imported.GetProperty("id").GetInt32();
        var project = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == document).Select(p => p.Id).SingleAsync(Cancel));
        var stored = await app.QueryAsync(db => db.SelfEvaluations.Include(s => s.Actuals).SingleAsync(s => s.ProjectId == project, Cancel));
        Assert.Equal(document, stored.SourceDocumentId);
        Assert.Equal(5, stored.Actuals.Count);
        Assert.Equal(74_100_000L, stored.ExecutedFen);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{document}", Cancel);
        Assert.Equal(2024, json.GetProperty("year").GetInt32());
        Assert.Equal("42条", json.GetProperty("projects")[0].GetProperty("indicators")[0].GetProperty("evaluation").GetProperty("actual").GetString());
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task FormsWithoutAYear_TakeTheYearTheUserGives(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var noYear = TargetForm.Replace("2024年", "", StringComparison.Ordinal);
        var imported = await Upload(client, "目标表.txt", noYear, "?year=2023");
        var id = imported.GetProperty("id").GetInt32();
        Assert.Equal(2023, await app.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Year).SingleAsync(Cancel)));

        using var content = Content("目标表.txt", noYear);
        using var refused = await client.PostAsync("/api/documents?year=12", content, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task FormPages_ShowWhatTheFormsAdd()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.Client();
        var transfer = (await Upload(client, "转移支付.txt", TestPaths.GoldenInput("transfer.spec"))).GetProperty("id").GetInt32();
        var document = await client.GetStringAsync($"/documents/{transfer}", Cancel);
        Assert.Contains("资金分配（2 个地区）", document, StringComparison.Ordinal);
        Assert.Contains("转移支付绩效目标表", document, StringComparison.Ordinal);
        var transferProject = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == transfer).Select(p => p.Id).SingleAsync(Cancel));
        Assert.Contains("青溪县：≥4500平方米", await client.GetStringAsync($"/projects/{transferProject}", Cancel), StringComparison.Ordinal);

        var wide = (await Upload(client, "部门整体.txt", TestPaths.GoldenInput("department-wide.spec"))).GetProperty("id").GetInt32();
        Assert.Contains("年度主要任务（3 项）", await client.GetStringAsync($"/documents/{wide}", Cancel), StringComparison.Ordinal);

        var evaluation = (await Upload(client, "自评表.txt", TestPaths.GoldenInput("self-evaluation.spec"))).GetProperty("id").GetInt32();
        var evaluated = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == evaluation).Select(p => p.Id).SingleAsync(Cancel));
        var page = await client.GetStringAsync($"/projects/{evaluated}", Cancel);
        Assert.Contains("自评表申报的预算执行与得分", page, StringComparison.Ordinal);
        Assert.Contains("自评表：实际完成值 85%，分值 15，得分 12，偏差原因：汛期垃圾量大", page, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Content(string name, string text) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };

    private static async Task<JsonElement> Upload(HttpClient client, string name, string text, string query = "")
    {
        using var content = Content(name, text);
        using var response = await client.PostAsync("/api/documents" + query, content, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }
}
