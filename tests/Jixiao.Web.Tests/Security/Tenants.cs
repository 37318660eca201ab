using Jixiao.Domain.Workflow;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Web.Features.Documents;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.SelfEvaluation;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Security;

/// <summary>
/// Three units in a small tree and one account per role:
/// 南岭市 → 南岭市教育局 → 甲校; 南岭市 → 南岭市卫健委 → 乙院; 北川县 → 北川县教育局 → 丙校.
/// The officer fills in for 甲校, the department reviewer reviews 南岭市教育局, the finance reviewer 南岭市.
/// </summary>
internal sealed partial class Tenants
{
    public const string UnitA = "矩阵甲校";
    public const string UnitB = "矩阵乙院";
    public const string UnitC = "矩阵丙校";

    public const string Officer = "officer";
    public const string DepartmentReviewer = "dept-reviewer";
    public const string FinanceReviewer = "finance-reviewer";
    public const string Admin = "admin";

    private Tenants(JixiaoApp app) => App = app;

    public JixiaoApp App { get; }

    public Dictionary<string, int> UnitIds { get; } = [];

    /// <summary>The role of each test account.</summary>
    public static IReadOnlyDictionary<string, string> Roles { get; } = new Dictionary<string, string>
    {
        [Officer] = JixiaoRoles.UnitOfficer,
        [DepartmentReviewer] = JixiaoRoles.DepartmentReviewer,
        [FinanceReviewer] = JixiaoRoles.FinanceReviewer,
        [Admin] = JixiaoRoles.Administrator,
    };

    /// <summary>The units each account can see (written out here, not computed by the product).</summary>
    public static IReadOnlyDictionary<string, string[]> Sees { get; } = new Dictionary<string, string[]>
    {
        [Officer] = [UnitA],
        [DepartmentReviewer] = [UnitA],
        [FinanceReviewer] = [UnitA, UnitB],
        [Admin] = [UnitA, UnitB, UnitC],
    };

    /// <summary>For each account, a unit of its own and one it must not see (the administrator sees it).</summary>
    public static IReadOnlyDictionary<string, (string Own, string Other)> Pairs { get; } = new Dictionary<string, (string, string)>
    {
        [Officer] = (UnitA, UnitB),
        [DepartmentReviewer] = (UnitA, UnitB),
        [FinanceReviewer] = (UnitA, UnitC),
        [Admin] = (UnitA, UnitC),
    };

    public static async Task<Tenants> CreateAsync(JixiaoApp app)
    {
        var tenants = new Tenants(app);
        var south = await app.AddUnitAsync("南岭市", UnitKinds.Region, null);
        var north = await app.AddUnitAsync("北川县", UnitKinds.Region, null);
        var education = await app.AddUnitAsync("南岭市教育局", UnitKinds.Department, south);
        var health = await app.AddUnitAsync("南岭市卫健委", UnitKinds.Department, south);
        var northEducation = await app.AddUnitAsync("北川县教育局", UnitKinds.Department, north);
        tenants.UnitIds[UnitA] = await app.AddUnitAsync(UnitA, UnitKinds.Unit, education);
        tenants.UnitIds[UnitB] = await app.AddUnitAsync(UnitB, UnitKinds.Unit, health);
        tenants.UnitIds[UnitC] = await app.AddUnitAsync(UnitC, UnitKinds.Unit, northEducation);
        tenants.UnitIds["南岭市教育局"] = education;
        await app.AddUserAsync(Officer, JixiaoRoles.UnitOfficer, tenants.UnitIds[UnitA]);
        await app.AddUserAsync(DepartmentReviewer, JixiaoRoles.DepartmentReviewer, education);
        await app.AddUserAsync(FinanceReviewer, JixiaoRoles.FinanceReviewer, south);
        return tenants;
    }

    /// <summary>A one-project table of <paramref name="unit"/> whose project name carries the unit's name.</summary>
    public static string Table(string unit, string year = "2026") => $"""
        {unit}{year}年项目支出绩效目标表

        单位名称：{unit}

        单位：万元

        项目名称（资金使用单位）	总计	财政拨款	财政专户拨款	其他资金	绩效目标	绩效指标
        {unit}	100.00	100.00			
        {unit}教师培训项目	100.00	100.00			组织{unit}教师培训不少于100人次，合格率和满意度保持较高水平。	1、产出指标：培训人次，年度指标值：不少于100人次。2、效益指标：培训合格率，年度指标值：≥95%。3、满意度指标：参训满意度，年度指标值：≥90%。

        """;

    /// <summary>Stores a fresh table of <paramref name="unit"/> (as the system) in <paramref name="state"/>; returns the document and project ids.</summary>
    public async Task<(int Document, int Project)> AddDocumentAsync(string unit, WorkState state = WorkState.Draft)
    {
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var importer = scope.ServiceProvider.GetRequiredService<DocumentImporter>();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(Table(unit)));
        var outcome = await importer.ImportAsync(content, unit + ".txt", DuplicateChoice.Keep, CancellationToken.None);
        var id = outcome.Value?.Id ?? throw new InvalidOperationException(outcome.Message);
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, state));
        var project = await db.Projects.Where(p => p.DocumentId == id).Select(p => p.Id).SingleAsync();
        return (id, project);
    }

    /// <summary>Stores a self-evaluation and a 1~6月 monitoring report for <paramref name="project"/> (as the system), both in <paramref name="state"/>.</summary>
    public async Task AddReportsAsync(int project, WorkState state)
    {
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var evaluation = scope.ServiceProvider.GetRequiredService<SelfEvaluationService>();
        var saved = await evaluation.SaveAsync(project, SelfEvaluationInput(), CancellationToken.None);
        Assert.Empty(saved.Errors);
        Assert.True(saved.IsDone, saved.Message);
        var monitoring = scope.ServiceProvider.GetRequiredService<MonitoringService>();
        var reported = await monitoring.SaveAsync(project, 6, MonitoringInput(), CancellationToken.None);
        Assert.Empty(reported.Errors);
        Assert.True(reported.IsDone, reported.Message);
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        await db.SelfEvaluations.Where(s => s.ProjectId == project).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, state));
        await db.MonitoringReports.Where(r => r.ProjectId == project).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, state));
    }

    public static SelfEvaluationInput SelfEvaluationInput() => new("100.00", "",
        [new ActualInput(1, "105人次", "", ""), new ActualInput(2, "96%", "", ""), new ActualInput(3, "92%", "", "")]);

    public static MonitoringReportInput MonitoringInput() => new("50.00", "100.00",
        [new ProgressInput(1, "50人次", "105人次", "", "", "确定能")]);

    /// <summary>The project as the edit API takes it, with a new target.</summary>
    public static object ProjectEdit(string unit, string target = "不少于120人次") => new
    {
        name = unit + "教师培训项目",
        total = "100.00",
        fiscalAppropriation = "100.00",
        specialAccount = "",
        otherFunds = "",
        goal = $"组织{unit}教师培训。",
        indicators = new object[]
        {
            new { level1 = "产出", name = "培训人次", targetText = target },
            new { level1 = "效益", name = "培训合格率", targetText = "≥95%" },
            new { level1 = "满意度", name = "参训满意度", targetText = "≥90%" },
        },
    };

    /// <summary>Signs in through the sign-in form and returns a client that carries the cookie.</summary>
    public Task<HttpClient> SignInAsync(string user, string? password = null) => SignInAsync(App, user, password);

    /// <summary>Signs in to <paramref name="app"/> through the sign-in form and returns a client that carries the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(JixiaoApp app, string user, string? password = null)
    {
        var client = app.AnonymousClient();
        var form = await client.GetStringAsync("/account/login");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password ?? (user == Admin ? JixiaoApp.AdminPassword : JixiaoApp.UserPassword),
            ["__RequestVerificationToken"] = FormToken(form),
        }));
        // The client may follow the redirect itself; either way it must have left the sign-in page signed in.
        using var me = await client.GetAsync("/api/me");
        Assert.True(me.StatusCode == HttpStatusCode.OK, $"signing in as {user}: {response.StatusCode}, then /api/me {me.StatusCode}");
        return client;
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string FormToken(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("no anti-forgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
