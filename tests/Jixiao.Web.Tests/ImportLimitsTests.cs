using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Import.Tests;
using Jixiao.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>How many uploads are read at once, and the configured budget of one.</summary>
public class ImportLimitsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task Upload_WhileEveryImportSlotIsTaken_IsTurnedAwayWithRetryAfterThenAcceptedOnceFree()
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string>
        {
            ["Jixiao:Import:MaxConcurrent"] = "1",
            ["Jixiao:Import:QueueSeconds"] = "0",
            ["Jixiao:Import:RetryAfterSeconds"] = "20",
        });
        using var client = app.Client();
        var sample = File.ReadAllBytes(TestPaths.Sample);
        var gate = app.Services.GetRequiredService<ImportGate>();

        using (var turn = await gate.EnterAsync(Cancel))
        {
            Assert.NotNull(turn);
            using var form = Form(sample, "qingxi-community-college-2025.txt");
            using var busy = await client.PostAsync("/api/documents", form, Cancel);
            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
            Assert.Equal("20", busy.Headers.GetValues("Retry-After").Single());
            var problem = await busy.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Contains("同时最多 1 个", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

            var tenants = await Security.Tenants.CreateAsync(app);
            using var page = await tenants.SignInAsync(Security.Tenants.Admin);
            var importPage = await page.GetStringAsync("/import", Cancel);
            using var upload = new MultipartFormDataContent
            {
                { new StringContent(Security.Tenants.FormToken(importPage)), "__RequestVerificationToken" },
                { new ByteArrayContent(sample), "file", "qingxi-community-college-2025.txt" },
            };
            using var preview = await page.PostAsync("/import?handler=Preview", upload, Cancel);
            Assert.Equal(HttpStatusCode.TooManyRequests, preview.StatusCode);
            Assert.Contains("请 20 秒后再试", await preview.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using var again = Form(sample, "qingxi-community-college-2025.txt");
        using var stored = await client.PostAsync("/api/documents", again, Cancel);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Contains("upload.busy", await app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task ABodyThatIsNotAnUpload_OverTwoMegabytes_IsRefusedBeforeItIsParsed()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        var id = await app.QueryAsync(db => db.Projects.Select(p => p.Id).FirstAsync(Cancel));
        var indicators = string.Join(",", Enumerable.Repeat("{\"level1\":\"产出\",\"name\":\"人数\",\"targetText\":\"10人\"}", 60_000));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}")
        {
            Content = new StringContent($"{{\"name\":\"x\",\"indicators\":[{indicators}]}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var health = await client.GetAsync("/healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Upload_OverAConfiguredLimit_IsRefusedNamingItAndStoresNothing()
    {
        await using var app = JixiaoApp.Start("sqlite", settings: new Dictionary<string, string> { ["Jixiao:Import:MaxProjects"] = "3" });
        using var client = app.Client();
        using var form = Form(File.ReadAllBytes(TestPaths.Sample), "qingxi-community-college-2025.txt");
        using var response = await client.PostAsync("/api/documents", form, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("项目数超过 3 个", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
    }
}
