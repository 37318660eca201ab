using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Workflow;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>Decisions with weight: 撤回 before review, 送审 with errors open, 批复 confirmed with an opinion.</summary>
public sealed class DecisionTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _rules = Path.Combine(Path.GetTempPath(), $"jixiao-block-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_rules);

    private static Task<WorkState> StateAsync(JixiaoApp app, int document) =>
        app.QueryAsync(db => db.Documents.Where(d => d.Id == document).Select(d => d.Status).SingleAsync(Cancel));

    private static Task SetErrorsAsync(JixiaoApp app, int document, int errors) =>
        app.QueryAsync(db => db.Documents.Where(d => d.Id == document).ExecuteUpdateAsync(s => s.SetProperty(d => d.ErrorCount, errors), Cancel));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page, Cancel);
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Tenants.FormToken(html)));
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(form), Cancel);
    }

    [Fact]
    public async Task Withdraw_TakesASubmittedTableBackAsADraft_ForTheFillerOnly()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var refused = await reviewer.PostAsync($"/api/documents/{document}/withdraw", null, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var withdrawn = await officer.PostAsync($"/api/documents/{document}/withdraw", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("draft", (await withdrawn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("state").GetString());
        Assert.Equal(WorkState.Draft, await StateAsync(app, document));
        using var again = await officer.PostAsync($"/api/documents/{document}/withdraw", null, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("撤回", await app.QueryAsync(db => db.Audit.Where(a => a.DocumentId == document && a.Action == "document.withdraw").Select(a => a.Summary).SingleAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithErrorsOpen_AsksTheOfficerToConfirm_AndARulesFileCanBlockIt()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        await SetErrorsAsync(app, document, 2);
        using var officer = await tenants.SignInAsync(Tenants.Officer);
        var page = await officer.GetStringAsync($"/documents/{document}", Cancel);
        Assert.Contains("该表还有 2 个审核错误", page, StringComparison.Ordinal);

        using var unconfirmed = await PostFormAsync(officer, $"/documents/{document}", "Submit", ("errors", "2"));
        Assert.Equal(WorkState.Draft, await StateAsync(app, document));
        Assert.Contains("已知悉仍有审核错误", await officer.GetStringAsync($"/documents/{document}", Cancel), StringComparison.Ordinal);
        using var confirmed = await PostFormAsync(officer, $"/documents/{document}", "Submit", ("errors", "2"), ("acknowledged", "true"));
        Assert.Equal(WorkState.Submitted, await StateAsync(app, document));

        File.WriteAllText(_rules, """{ "blockSubmitWithErrors": true }""");
        await using var strict = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:RulesFile"] = _rules });
        var strictTenants = await Tenants.CreateAsync(strict);
        var (blocked, _) = await strictTenants.AddDocumentAsync(Tenants.UnitA);
        await SetErrorsAsync(strict, blocked, 1);
        using var api = strict.ClientWithToken(strict.TokenFor(Tenants.Officer));
        using var answer = await api.PostAsync($"/api/documents/{blocked}/submit", null, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("须改正后才能送审", await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(WorkState.Draft, await StateAsync(strict, blocked));
    }

    [Fact]
    public async Task Approve_OnThePage_NeedsConfirmation_AndKeepsTheOpinion()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        using var reviewer = await tenants.SignInAsync(Tenants.FinanceReviewer);
        using var unconfirmed = await PostFormAsync(reviewer, $"/documents/{document}", "Approve", ("comment", "同意。"));
        Assert.Equal(WorkState.Submitted, await StateAsync(app, document));
        using var confirmed = await PostFormAsync(reviewer, $"/documents/{document}", "Approve", ("comment", "同意，按此执行。"), ("confirmed", "true"));
        Assert.Equal(WorkState.Approved, await StateAsync(app, document));
        Assert.Equal(["同意，按此执行。"], await app.QueryAsync(db => db.Comments.Where(c => c.DocumentId == document).Select(c => c.Text).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task TwoStages_TheDepartmentPassesTheTableOn_FinanceApproves_AndThePaperKeepsBothDecisions()
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:ReviewStages"] = "2" });
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        using var finance = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var department = app.ClientWithToken(app.TokenFor(Tenants.DepartmentReviewer));

        // Finance waits for the department: nothing in its queue yet, and a decision now is refused.
        using var financeSignedIn = await tenants.SignInAsync(Tenants.FinanceReviewer);
        Assert.DoesNotContain($"/documents/{document}\"", await financeSignedIn.GetStringAsync("/", Cancel), StringComparison.Ordinal);
        using var early = await finance.PostAsJsonAsync($"/api/documents/{document}/approve", new { comment = "同意。" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("须先经主管部门审核通过", await early.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var departmentSignedIn = await tenants.SignInAsync(Tenants.DepartmentReviewer);
        var page = await departmentSignedIn.GetStringAsync($"/documents/{document}", Cancel);
        Assert.Contains(">审核通过</button>", page, StringComparison.Ordinal);
        using var passed = await PostFormAsync(departmentSignedIn, $"/documents/{document}", "Approve", ("comment", "经主管部门审核，同意报送。"), ("confirmed", "true"));
        Assert.Equal(WorkState.Endorsed, await StateAsync(app, document));
        using var twice = await department.PostAsJsonAsync($"/api/documents/{document}/approve", new { comment = "" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, twice.StatusCode);

        Assert.Contains($"/documents/{document}", await financeSignedIn.GetStringAsync("/", Cancel), StringComparison.Ordinal);
        using var listed = await finance.GetAsync("/api/documents?status=endorsed", Cancel);
        Assert.Contains("\"endorsed\"", await listed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var approved = await finance.PostAsJsonAsync($"/api/documents/{document}/approve", new { comment = "同意。" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(WorkState.Approved, await StateAsync(app, document));

        var opinion = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await financeSignedIn.GetStringAsync($"/documents/{document}/opinion", Cancel), "<[^>]*>", " "));
        Assert.Matches(@"主管部门\s+审核通过\s+" + Tenants.DepartmentReviewer, opinion);
        Assert.Matches(@"财政\s+批复\s+" + Tenants.FinanceReviewer, opinion);
        Assert.Contains("经主管部门审核，同意报送。", opinion, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewStages_OtherThanOneOrTwo_StopTheServerWithTheReason()
    {
        var settings = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder(), new Dictionary<string, string?> { ["Jixiao:ReviewStages"] = "3" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => Jixiao.Web.Infrastructure.WorkflowSetup.Table(settings));
        Assert.Contains("只能是 1 或 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ADraftFromItsPage_IsConfirmedAndAudited()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        using var officer = await tenants.SignInAsync(Tenants.Officer);
        Assert.Contains("确认删除这张表", await officer.GetStringAsync($"/documents/{document}", Cancel), StringComparison.Ordinal);
        using var unconfirmed = await PostFormAsync(officer, $"/documents/{document}", "Delete");
        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        using var confirmed = await PostFormAsync(officer, $"/documents/{document}", "Delete", ("confirmed", "true"));
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        Assert.Contains("document.delete", await app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task Opinion_OfAReturnedTable_GivesTheDecisionOpinionsFindingsWithBasisAndTheReviewer()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, project) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        await app.QueryAsync(async db =>
        {
            db.Findings.Add(new Data.Records.FindingRecord { DocumentId = document, ProjectId = project, IndicatorSeq = 2, Code = "IND-QUESTION", Severity = "error", Message = "指标值是问句。" });
            return await db.SaveChangesAsync(Cancel);
        });
        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var back = await reviewer.PostAsJsonAsync($"/api/documents/{document}/return", new
        {
            comments = new object[] { new { projectId = (int?)project, indicatorSeq = (int?)2, text = "请把问句改为可考核的目标值。" } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);

        using var officer = await tenants.SignInAsync(Tenants.Officer);
        Assert.Contains($"/documents/{document}/opinion", await officer.GetStringAsync($"/documents/{document}", Cancel), StringComparison.Ordinal);
        var opinion = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await officer.GetStringAsync($"/documents/{document}/opinion", Cancel), "<[^>]*>", ""));
        Assert.Contains("已退回", opinion, StringComparison.Ordinal);
        Assert.Contains("第 2 个指标：请把问句改为可考核的目标值。", opinion, StringComparison.Ordinal);
        Assert.Contains("指标值是问句", opinion, StringComparison.Ordinal);
        Assert.Contains("《中央部门预算绩效目标管理办法》", opinion, StringComparison.Ordinal);
        Assert.Contains(Tenants.FinanceReviewer, opinion, StringComparison.Ordinal);
        Assert.Contains("（盖章）", opinion, StringComparison.Ordinal);

        using var api = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var xlsx = await api.GetAsync($"/api/documents/{document}/opinion", Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await xlsx.Content.ReadAsStreamAsync(Cancel));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var cells = await sheet.ReadToEndAsync(Cancel);
        Assert.Contains("项目支出绩效目标审核意见书", cells, StringComparison.Ordinal);
        Assert.Contains("已退回", cells, StringComparison.Ordinal);
        Assert.Contains("请把问句改为可考核的目标值。", cells, StringComparison.Ordinal);
        Assert.Contains(Tenants.FinanceReviewer, cells, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_TheOfficerAnswersEachComment_AndTheReviewerSeesWhatChangedSinceTheReturn()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (document, project) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        using var reviewerApi = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var back = await reviewerApi.PostAsJsonAsync($"/api/documents/{document}/return", new
        {
            comments = new object[]
            {
                new { projectId = (int?)project, indicatorSeq = (int?)1, text = "培训人次偏低。" },
                new { projectId = (int?)project, indicatorSeq = (int?)2, text = "合格率口径不清。" },
                new { projectId = (int?)project, indicatorSeq = (int?)3, text = "满意度应有调查方式。" },
            },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var ids = await app.QueryAsync(db => db.Comments.Where(c => c.DocumentId == document).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Cancel));
        Assert.Equal(3, ids.Count);

        using var officerApi = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var answered = await officerApi.PostAsJsonAsync($"/api/documents/{document}/comments/{ids[0]}/answer", new { answer = "已提高到不少于120人次。", done = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using var empty = await officerApi.PostAsJsonAsync($"/api/documents/{document}/comments/{ids[1]}/answer", new { answer = "", done = false }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var reviewerAnswer = await reviewerApi.PostAsJsonAsync($"/api/documents/{document}/comments/{ids[1]}/answer", new { answer = "x", done = true }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, reviewerAnswer.StatusCode);

        using var officer = await tenants.SignInAsync(Tenants.Officer);
        using var marked = await PostFormAsync(officer, $"/documents/{document}", "Answer", ("commentId", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture)), ("done", "true"));
        var version = await app.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync(Cancel));
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{project}") { Content = JsonContent.Create(Tenants.ProjectEdit(Tenants.UnitA, "不少于120人次")) };
        edit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var saved = await officerApi.SendAsync(edit, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var resubmitted = await officerApi.PostAsync($"/api/documents/{document}/submit", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);

        using var comments = System.Text.Json.JsonDocument.Parse(await reviewerApi.GetStringAsync($"/api/documents/{document}/comments", Cancel));
        var list = comments.RootElement.EnumerateArray().ToList();
        Assert.Equal("已提高到不少于120人次。", list[0].GetProperty("answer").GetString());
        Assert.True(list[0].GetProperty("resolved").GetBoolean());
        Assert.True(list[1].GetProperty("resolved").GetBoolean());
        Assert.False(list[2].GetProperty("resolved").GetBoolean());

        using var reviewer = await tenants.SignInAsync(Tenants.FinanceReviewer);
        var page = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/documents/{document}", Cancel));
        Assert.Contains("退回后的修改", page, StringComparison.Ordinal);
        Assert.Contains("不少于120人次", page, StringComparison.Ordinal);
        var projectPage = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/projects/{project}", Cancel));
        Assert.Contains("审核意见（", projectPage, StringComparison.Ordinal);
        Assert.Contains("满意度应有调查方式。", projectPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ApprovesOrReturnsEachSelectedTableOnItsOwn()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (first, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);
        var (second, _) = await tenants.AddDocumentAsync(Tenants.UnitB, WorkState.Submitted);
        var (draft, _) = await tenants.AddDocumentAsync(Tenants.UnitA);
        var (third, _) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Submitted);

        using var reviewer = app.ClientWithToken(app.TokenFor(Tenants.FinanceReviewer));
        using var answer = await reviewer.PostAsJsonAsync("/api/documents/approve", new { ids = new[] { first, second, draft }, comment = "同意。" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var results = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        var byId = results.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt32());
        Assert.True(byId[first].GetProperty("done").GetBoolean());
        Assert.True(byId[second].GetProperty("done").GetBoolean());
        Assert.False(byId[draft].GetProperty("done").GetBoolean());
        Assert.Contains("草稿", byId[draft].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "document.approve", Cancel)));

        using var noReason = await reviewer.PostAsJsonAsync("/api/documents/return", new { ids = new[] { third } }, Cancel);
        Assert.False(System.Text.Json.JsonDocument.Parse(await noReason.Content.ReadAsStringAsync(Cancel)).RootElement[0].GetProperty("done").GetBoolean());
        Assert.Equal(WorkState.Submitted, await StateAsync(app, third));

        using var page = await tenants.SignInAsync(Tenants.FinanceReviewer);
        var list = await page.GetStringAsync("/documents?status=submitted", Cancel);
        Assert.Contains($"name=\"ids\" value=\"{third}\"", list, StringComparison.Ordinal);
        using var returned = await page.PostAsync("/documents?handler=Batch&status=submitted", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ids"] = third.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "return", ["comment"] = "请补充绩效目标。",
            ["confirmed"] = "true", ["__RequestVerificationToken"] = Tenants.FormToken(list),
        }), Cancel);
        Assert.Equal(WorkState.Returned, await StateAsync(app, third));
        // The client follows the redirect: the list it lands on says what was done.
        Assert.Contains("已退回 1 张表", WebUtility.HtmlDecode(await returned.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearOnYear_ShowsLastYearsTargetsBeside_MarkingLoweredAndDropped()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        using var admin = app.Client();
        async Task<int> UploadAsync(string text)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", "t.txt" } };
            using var created = await admin.PostAsync("/api/documents?duplicate=keep", form, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetInt32();
        }

        await UploadAsync(Tenants.Table(Tenants.UnitA, "2025"));
        var now = await UploadAsync(Tenants.Table(Tenants.UnitA, "2026")
            .Replace("不少于100人次", "不少于80人次", StringComparison.Ordinal)
            .Replace("3、满意度指标：参训满意度，年度指标值：≥90%。", "", StringComparison.Ordinal));
        var project = await app.QueryAsync(db => db.Projects.Where(p => p.DocumentId == now).Select(p => p.Id).SingleAsync(Cancel));

        using var reviewer = await tenants.SignInAsync(Tenants.FinanceReviewer);
        var page = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await reviewer.GetStringAsync($"/projects/{project}/compare", Cancel), "<[^>]*>", "|"));
        Assert.Contains("2025 年度的同名项目", page, StringComparison.Ordinal);
        Assert.Matches("培训人次\\|+不少于100人次\\|+不少于80人次\\|+降低", page);
        Assert.Matches("参训满意度\\|+≥90%\\|+—\\|+删除", page);
        Assert.Matches("培训合格率\\|+≥95%\\|+≥95%\\|+不变", page);
    }
}
