using Jixiao.Domain.Workflow;
using System.Net;
using System.Net.Http.Json;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Security;

/// <summary>Monitoring and self-evaluation reports go through 送审 → 退回 / 批复 like the tables, on their pages and through the API.</summary>
public class ReportWorkflowTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportPages_SubmitReturnResubmitApprove_AndAnApprovedReportIsReadOnly()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        var (_, project) = await tenants.AddDocumentAsync(Tenants.UnitA, WorkState.Approved);
        await tenants.AddReportsAsync(project, WorkState.Draft);
        using var officer = await tenants.SignInAsync(Tenants.Officer);
        using var reviewer = await tenants.SignInAsync(Tenants.FinanceReviewer);

        foreach (var (page, month) in new[] { ($"/projects/{project}/self-evaluation", (int?)null), ($"/projects/{project}/monitoring?month=6", 6) })
        {
            var url = page.Split('?')[0];
            await PostAsync(officer, page, url, "Submit", month);
            Assert.Equal(WorkState.Submitted, await StateAsync(app, project, month));

            // The officer cannot approve their own report, nor change it while it is with the reviewer.
            Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(officer, page, url, "Approve", month, expectOk: false));
            using var officerApi = app.ClientWithToken(app.TokenFor(Tenants.Officer));
            var put = month is null
                ? await officerApi.PutAsJsonAsync($"/api/projects/{project}/self-evaluation", Tenants.SelfEvaluationInput(), Cancel)
                : await officerApi.PutAsJsonAsync($"/api/projects/{project}/monitoring/6", Tenants.MonitoringInput(), Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

            await PostAsync(reviewer, page, url, "Return", month, comment: "请补充实绩的依据。");
            Assert.Equal(WorkState.Returned, await StateAsync(app, project, month));
            Assert.Contains("请补充实绩的依据", await officer.GetStringAsync($"/projects/{project}", Cancel), StringComparison.Ordinal);

            await PostAsync(officer, page, url, "Submit", month);
            await PostAsync(reviewer, page, url, "Approve", month);
            Assert.Equal(WorkState.Approved, await StateAsync(app, project, month));
            Assert.Contains("已批复", await officer.GetStringAsync(page, Cancel), StringComparison.Ordinal);
        }

        var steps = await app.QueryAsync(db => db.Audit.Where(a => a.ProjectId == project && a.Action.EndsWith(".approve")).Select(a => a.UserName).ToListAsync(Cancel));
        Assert.Equal([Tenants.FinanceReviewer, Tenants.FinanceReviewer], steps);
    }

    private static Task<WorkState> StateAsync(JixiaoApp app, int project, int? month) => app.QueryAsync(db => month is null
        ? db.SelfEvaluations.Where(s => s.ProjectId == project).Select(s => s.Status).SingleAsync(Cancel)
        : db.MonitoringReports.Where(r => r.ProjectId == project && r.Month == month).Select(r => r.Status).SingleAsync(Cancel));

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string page, string url, string handler, int? month, string? comment = null, bool expectOk = true)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = Tenants.FormToken(await client.GetStringAsync(page, Cancel)) };
        if (month is { } m)
        {
            form["Month"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (comment is not null)
        {
            form["comment"] = comment;
        }

        using var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(form), Cancel);
        if (expectOk)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{handler} {url}: {response.StatusCode}");
        }

        return response.StatusCode;
    }
}
