using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jixiao.Import.Tests;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

public class DocumentsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task HealthAndOpenApi_Answer(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/documents", "/api/documents/{id}", "/api/documents/{id}/review", "/api/documents/{id}/export" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Upload_Sample_StoresReadsReviewsExportsAndDeletes(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        using var created = await Upload(client, File.ReadAllBytes(TestPaths.Sample), "qingxi-community-college-2025.txt");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel));
        var id = body.RootElement.GetProperty("id").GetInt32();
        Assert.Equal(10, body.RootElement.GetProperty("projects").GetInt32());
        Assert.Equal(55, body.RootElement.GetProperty("indicators").GetInt32());
        Assert.Equal($"/api/documents/{id}", created.Headers.Location?.OriginalString);

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/documents", Cancel));
        var listed = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("青溪市社区教育学院", listed.GetProperty("unitName").GetString());
        Assert.Equal(2025, listed.GetProperty("year").GetInt32());

        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{id}", Cancel));
        Assert.Equal(id, document.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(5425.01m, document.RootElement.GetProperty("summary").GetProperty("total").GetDecimal());
        var project = document.RootElement.GetProperty("projects")[0];
        Assert.True(project.GetProperty("id").GetInt32() > 0);
        Assert.True(project.GetProperty("indicators")[0].GetProperty("id").GetInt32() > 0);
        Assert.Equal(">=", project.GetProperty("indicators")[0].GetProperty("clauses")[0].GetProperty("comparator").GetString());

        using var review = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{id}/review", Cancel));
        var codes = review.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("IND-QUESTION", codes);
        Assert.Contains("FUND-ROW-SUM", codes);
        Assert.Equal(8, await app.QueryAsync(db => db.Findings.CountAsync(f => f.DocumentId == id && f.Severity == "error", Cancel)));

        var json = await client.GetStringAsync($"/api/documents/{id}/export?format=json", Cancel);
        Assert.Contains("\"unitName\": \"青溪市社区教育学院\"", json, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/documents/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{id}", Cancel)).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Indicators.CountAsync(Cancel)));
        Assert.Equal(0, await app.QueryAsync(db => db.Findings.CountAsync(Cancel)));
    }

    [Theory]
    [InlineData("sqlite", "csv")]
    [InlineData("sqlite", "xlsx")]
    [InlineData("sqlite", "json")]
    [InlineData("postgres", "xlsx")]
    [InlineData("postgres", "json")]
    public async Task Export_ReadsBackToTheSameDocument(string provider, string format)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        using var first = await Upload(client, File.ReadAllBytes(TestPaths.Sample), "qingxi-community-college-2025.txt");
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();
        var exported = await client.GetByteArrayAsync($"/api/documents/{id}/export?format={format}", Cancel);
        if (format == "xlsx")
        {
            using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(exported), false);
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook, Cancel).Select(e => e.Description));
            var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Equal("A1:G1", sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Single().Reference?.Value);
            Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Single().Orientation?.Value);
        }

        using var second = await Upload(client, exported, "qingxi-community-college-2025." + format, "?duplicate=keep");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var again = (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();

        var original = Strip(await client.GetStringAsync($"/api/documents/{id}", Cancel));
        var reread = Strip(await client.GetStringAsync($"/api/documents/{again}", Cancel));
        Assert.Equal(original, reread);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Upload_SameUnitTitleAndYear_AsksThenReplacesOrKeeps(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var sample = File.ReadAllBytes(TestPaths.Sample);
        using var first = await Upload(client, sample, "qingxi-community-college-2025.txt");
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();

        using var again = await Upload(client, sample, "qingxi-community-college-2025.txt");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(id, problem.GetProperty("existingId").GetInt32());
        Assert.Contains("replace", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));

        using var replaced = await Upload(client, sample, "qingxi-community-college-2025.txt", "?duplicate=replace");
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{id}", Cancel)).StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));

        using var kept = await Upload(client, sample, "qingxi-community-college-2025.txt", "?duplicate=keep");
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        Assert.Equal(1, await app.QueryAsync(db => db.Units.CountAsync(Cancel)));
    }

    public static TheoryData<string, string, string> BadUploads() => new()
    {
        { "sqlite", "empty", "空" },
        { "sqlite", "pdf", "PDF" },
        { "sqlite", "bomb", "压缩" },
        { "sqlite", "no-header", "表头" },
        { "sqlite", "binary", "二进制" },
        { "postgres", "empty", "空" },
        { "postgres", "bomb", "压缩" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Upload_BadFile_IsRefusedInChineseAndStoresNothing(string provider, string kind, string mentioned)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var (bytes, name) = kind switch
        {
            "empty" => ([], "empty.txt"),
            "pdf" => (Encoding.ASCII.GetBytes("%PDF-1.7 not a table"), "table.pdf"),
            "bomb" => (TestFiles.ZipBomb(), "bomb.xlsx"),
            "no-header" => (Encoding.UTF8.GetBytes("这是一段说明文字\n没有表头\n"), "notes.txt"),
            "binary" => (new byte[] { 0, 1, 2, 3, 0, 0, 255, 254, 0, 7 }, "data.txt"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var response = await Upload(client, bytes, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var text = problem.GetProperty("title").GetString() + problem.GetProperty("detail").GetString();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        Assert.Contains(mentioned, text, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        Assert.Equal(0, await app.QueryAsync(db => db.Units.CountAsync(Cancel)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Upload_OversizedFile_IsRefusedWith413InChinese()
    {
        await using var app = JixiaoApp.Start("sqlite", maxUploadBytes: 64 * 1024);
        using var client = app.Client();
        using var response = await Upload(client, new byte[100 * 1024], "big.txt");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("上限", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Upload_WithoutFileField_SaysWhatIsMissing()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.Client();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using var response = await client.PostAsync("/api/documents", form, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportUnknownFormat_AndUnknownDocument_AreClearErrors()
    {
        await using var app = JixiaoApp.Start("sqlite", loadSample: true);
        using var client = app.Client();
        using var unknown = await client.GetAsync("/api/documents/999/review", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("999", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var format = await client.GetAsync("/api/documents/1/export?format=pdf", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
    }

    [Fact]
    public async Task FirstStart_LoadsTheBundledSamplesOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-first-start-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = JixiaoApp.Start("sqlite", loadSample: true, sqliteFile: file))
            {
                using var client = first.Client();
                using var list = JsonDocument.Parse(await client.GetStringAsync("/api/documents", Cancel));
                Assert.Equal(["qingxi-community-college-2024.txt", "qingxi-community-college-2025.txt"],
                    list.RootElement.EnumerateArray().Select(d => d.GetProperty("fileName").GetString()));

                // The later year was reviewed against the earlier one.
                Assert.True(await first.QueryAsync(db => db.Findings.AnyAsync(f => f.Code == "COPY-LOWERED", Cancel)));
            }

            await using var second = JixiaoApp.Start("sqlite", loadSample: true, sqliteFile: file);
            Assert.Equal(2, await second.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Upload_PublishedSeedTable_Stores28ProjectsAnd212IndicatorsAndServesItsReview(string provider)
    {
        var seed = TestPaths.SeedTable;
        if (seed is null)
        {
            Assert.Skip(TestPaths.SeedAbsent);
        }

        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        // The published table prints no budget year, nor does its file name: the uploader gives it.
        using var refused = await Upload(client, File.ReadAllBytes(seed), Path.GetFileName(seed));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var created = await Upload(client, File.ReadAllBytes(seed), Path.GetFileName(seed), "?year=2025");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(28, body.GetProperty("projects").GetInt32());
        Assert.Equal(212, body.GetProperty("indicators").GetInt32());
        using var review = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{body.GetProperty("id").GetInt32()}/review", Cancel));
        Assert.Contains(review.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "IND-LEVEL1-MISSING" && f.GetProperty("project").GetString() == "机构运行辅助经费");
        Assert.Equal(212, await app.QueryAsync(db => db.Indicators.CountAsync(Cancel)));
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string name, string query = "", string? key = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents" + query) { Content = form };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Cancel);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Upload_RetriedWithTheSameIdempotencyKey_IsStoredOnce(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        using var client = app.Client();
        var sample = File.ReadAllBytes(TestPaths.Sample);
        using var first = await Upload(client, sample, "qingxi-community-college-2025.txt", "?duplicate=keep", "7d3f2a9e-retry-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();

        // The retry (and two more at once) answers the same table, stored once.
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Upload(client, sample, "qingxi-community-college-2025.txt", "?duplicate=keep", "7d3f2a9e-retry-1")));
        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
            var body = await retry.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(id, body.GetProperty("id").GetInt32());
            Assert.Equal(10, body.GetProperty("projects").GetInt32());
            retry.Dispose();
        }

        Assert.Equal(1, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));

        // Another key is another upload; a bad key is refused in Chinese.
        using var other = await Upload(client, sample, "qingxi-community-college-2025.txt", "?duplicate=keep", "7d3f2a9e-retry-2");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.Documents.CountAsync(Cancel)));
        using var bad = await Upload(client, sample, "qingxi-community-college-2025.txt", "?duplicate=keep", new string('k', 101));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Idempotency-Key", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("json")]
    public async Task Export_WrittenLevel2AndFormulaTexts_ReadBackAsWritten(string format)
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.Client();
        var table = string.Join("\n",
            "云岭县图书馆2026年项目支出绩效目标表", "单位名称：云岭县图书馆", "单位：万元",
            "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标",
            "云岭县图书馆\t-12.50\t\t\t-12.50\t\t",
            "=HYPERLINK(\"http://example.invalid\")\t-12.50\t\t\t-12.50\t+保障\"古籍\"安全，修复不少于300册\t"
            + "1、产出指标-质量指标：修复及时率，年度指标值：≥95%。2、产出指标-成本指标：单册成本，年度指标值：@不超过500元。3、满意度指标：读者满意度，年度指标值：-≥90%。");
        using var first = await Upload(client, Encoding.UTF8.GetBytes(table), "古籍.txt");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();
        var exported = await client.GetByteArrayAsync($"/api/documents/{id}/export?format={format}", Cancel);
        if (format == "csv")
        {
            Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        }

        using var second = await Upload(client, exported, "古籍." + format, "?duplicate=keep");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var again = (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();
        var original = Strip(await client.GetStringAsync($"/api/documents/{id}", Cancel));
        Assert.Contains("\"level2\":\"quality\",\"level2Inferred\":false", original, StringComparison.Ordinal);
        Assert.Equal(original, Strip(await client.GetStringAsync($"/api/documents/{again}", Cancel)));
    }

    /// <summary>The document JSON without ids, file name, format and line numbers, which differ between a table and its export.</summary>
    private static string Strip(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        void Walk(System.Text.Json.Nodes.JsonNode? n)
        {
            if (n is System.Text.Json.Nodes.JsonObject o)
            {
                foreach (var key in new[] { "id", "line", "source", "diagnostics" })
                {
                    o.Remove(key);
                }

                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    Walk(child);
                }
            }
            else if (n is System.Text.Json.Nodes.JsonArray a)
            {
                foreach (var child in a)
                {
                    Walk(child);
                }
            }
        }

        Walk(node);
        return node.ToJsonString();
    }
}
