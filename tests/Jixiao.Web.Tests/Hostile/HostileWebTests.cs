using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Tests.Hostile;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Hostile;

/// <summary>
/// The hostile corpus uploaded to the running application with its real upload size limit: every answer
/// a Chinese success or refusal (never a 5xx or a stack trace), <c>/healthz</c> answering after each, what
/// was stored stored whole, and the database passing its integrity check at the end.
/// </summary>
public partial class HostileWebTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Upload_TheHostileCorpus_KeepsTheServerAndTheDatabaseSound(string provider)
    {
        await using var app = JixiaoApp.Start(provider, maxUploadBytes: 20 * 1024 * 1024);
        using var client = app.Client();
        var stored = new Dictionary<int, int>();
        foreach (var item in HostileCorpus.All)
        {
            var (status, body) = await UploadAsync(client, item.Build(), item.FileName);
            var expected = item.Expect switch
            {
                HostileExpectation.Refused => [HttpStatusCode.BadRequest],
                HostileExpectation.Read => new[] { HttpStatusCode.Created },
                _ => [HttpStatusCode.Created, HttpStatusCode.BadRequest],
            };
            Assert.True(expected.Contains(status), $"{item.Name}: {(int)status} {body}");
            AssertExplained(item.Name, body);
            if (status == HttpStatusCode.Created)
            {
                var created = JsonDocument.Parse(body).RootElement;
                Assert.True(created.GetProperty("projects").GetInt32() >= item.MinProjects, $"{item.Name}: {body}");
                stored[created.GetProperty("id").GetInt32()] = created.GetProperty("projects").GetInt32();
            }
            else
            {
                Assert.Contains(CodeOf(body), item.Codes);
            }

            await AssertAliveAsync(client, item.Name);
        }

        await AssertSoundAsync(app, stored, provider);
    }

    [Fact]
    public async Task Upload_EveryTruncationOfATableAndAWorkbook_KeepsTheServerAndTheDatabaseSound()
    {
        await using var app = JixiaoApp.Start("sqlite", maxUploadBytes: 20 * 1024 * 1024);
        using var client = app.Client();
        var stored = new Dictionary<int, int>();
        foreach (var (name, fileName, bytes) in HostileCorpus.Truncations())
        {
            var (status, body) = await UploadAsync(client, bytes, fileName);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{name}: {(int)status} {body}");
            AssertExplained(name, body);
            if (status == HttpStatusCode.Created)
            {
                var created = JsonDocument.Parse(body).RootElement;
                stored[created.GetProperty("id").GetInt32()] = created.GetProperty("projects").GetInt32();
            }
        }

        await AssertAliveAsync(client, "after the truncations");
        await AssertSoundAsync(app, stored, "sqlite");
    }

    [Theory]
    [InlineData("deep-xml-sheet")]
    [InlineData("zip-bomb")]
    [InlineData("entity-bomb")]
    public async Task Preview_FileThatOnceKilledTheServer_ShowsWhyInChinese(string name)
    {
        await using var app = JixiaoApp.Start("sqlite", maxUploadBytes: 20 * 1024 * 1024);
        var tenants = await Security.Tenants.CreateAsync(app);
        using var page = await tenants.SignInAsync(Security.Tenants.Admin);
        var item = HostileCorpus.Named(name);
        var form = await page.GetStringAsync("/import", Cancel);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Security.Tenants.FormToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(item.Build()), "file", item.FileName },
        };
        using var response = await page.PostAsync("/import?handler=Preview", upload, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("无法读取该文件", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(Internal(), html);
        await AssertAliveAsync(page, name);
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        using var response = await client.PostAsync("/api/documents?duplicate=keep", form, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // The refusal's first error code, for the checks above.
            var problem = JsonDocument.Parse(body).RootElement;
            var code = problem.TryGetProperty("diagnostics", out var diagnostics)
                ? diagnostics.EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error").Select(d => d.GetProperty("code").GetString()).FirstOrDefault()
                : null;
            body = $"{{\"code\": \"{code}\"}} {problem.GetProperty("title").GetString()}：{problem.GetProperty("detail").GetString()}";
        }

        return (response.StatusCode, body);
    }

    private static string CodeOf(string refusal) => Regex.Match(refusal, "\"code\": \"([^\"]*)\"").Groups[1].Value;

    /// <summary>A refusal says why in Chinese; no answer names an exception, a type or a file of ours.</summary>
    private static void AssertExplained(string name, string body)
    {
        if (!body.StartsWith('{') || body.StartsWith("{\"code\"", StringComparison.Ordinal))
        {
            Assert.True(Chinese().IsMatch(body), $"{name}: {body}");
        }

        Assert.DoesNotMatch(Internal(), body);
    }

    private static async Task AssertAliveAsync(HttpClient client, string after)
    {
        using var health = await client.GetAsync("/healthz", Cancel);
        Assert.True(health.StatusCode == HttpStatusCode.OK, $"/healthz after {after}: {health.StatusCode}");
    }

    /// <summary>The database's own integrity check, and every stored table whole: as many projects stored as the upload reported.</summary>
    private static async Task AssertSoundAsync(JixiaoApp app, Dictionary<int, int> stored, string provider)
    {
        if (provider == "sqlite")
        {
            Assert.Equal("ok", await app.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(Cancel)) is [var only] ? only : "several lines");
            Assert.Empty(await app.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync(Cancel)));
        }
        else
        {
            // amcheck verifies every B-tree index against its table.
            await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS amcheck", Cancel));
            var checkedIndexes = await app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM (SELECT bt_index_check(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace) checked").ToListAsync(Cancel));
            Assert.True(checkedIndexes.Single() > 0);
        }

        var counts = await app.QueryAsync(db => db.Documents.Select(d => new { d.Id, Projects = d.Projects.Count }).ToListAsync(Cancel));
        Assert.Equal(stored.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"), counts.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Projects}"));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"Exception|\bat [A-Z][\w.]+\(|Stack overflow|Jixiao\.[A-Z]|XmlReader|System\.")]
    private static partial Regex Internal();
}
