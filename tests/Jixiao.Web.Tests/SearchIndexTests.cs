using System.Net;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>The full-text index behind <c>GET /api/projects?q=</c>: it finds what a scan finds, follows edits, and is rebuilt where missing.</summary>
public class SearchIndexTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Search_FindsExactlyWhatAScanOfNamesGoalsIndicatorsAndTargetsFinds(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var projects = await app.QueryAsync(db => db.Projects.Include(p => p.Indicators).AsNoTracking().ToListAsync(Cancel));

        // One character (no pair: scanned), two (the common case in Chinese), long, with symbols, with a space,
        // across a field boundary (must not match), and text found nowhere.
        foreach (var text in new[] { "费", "保障", "满意度", "社区学习中心运行保障经费", "≥95%", "100%", "及时", "老年大学 办学", "经费≥", "没有这样的文字" })
        {
            var expected = projects.Where(p => p.Name.Contains(text, StringComparison.Ordinal) || p.Goal.Contains(text, StringComparison.Ordinal)
                    || p.Indicators.Any(i => i.Name.Contains(text, StringComparison.Ordinal) || i.TargetText.Contains(text, StringComparison.Ordinal)))
                .Select(p => p.Id).Order().ToList();
            var found = await ProjectsApiTests.Page(client, "?pageSize=200&q=" + Uri.EscapeDataString(text));
            var ids = found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Order().ToList();
            Assert.True(expected.SequenceEqual(ids), $"「{text}」: expected {expected.Count}, found {ids.Count}");
        }

        Assert.Contains(projects, p => p.Name.Contains("保障", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task EveryWayOfFindingAPage_GivesTheSamePagesInTableOrder(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var order = await app.QueryAsync(db => db.Projects.AsNoTracking().OrderBy(p => p.DocumentId).ThenBy(p => p.Position)
            .Select(p => new { p.Id, p.Name, p.Goal, Texts = p.Indicators.Select(i => i.Name + "\n" + i.TargetText).ToList() }).ToListAsync(Cancel));
        // The four characters in the most projects: a text the index narrows to and the projects are then checked for.
        var longer = order.SelectMany(p => new[] { p.Name, p.Goal }.Concat(p.Texts)
                .SelectMany(field => Enumerable.Range(0, Math.Max(0, field.Length - 3)).Select(i => field.Substring(i, 4)))
                .Where(run => !run.Any(char.IsWhiteSpace)).Distinct(StringComparer.Ordinal))
            .GroupBy(run => run, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var (many, cost) = (Features.Search.ProjectSearch.ManyMatches, Features.Search.ProjectSearch.ProbeCost);
        try
        {
            // Sorting the matches; walking the projects looking each up among them; walking and testing each by
            // its key (PostgreSQL; SQLite walks as before). A text the index decides, and one it only narrows.
            foreach (var (threshold, probeCost) in new[] { (int.MaxValue, 100L), (0, 1_000_000L), (0, 0L) })
            {
                Features.Search.ProjectSearch.ManyMatches = threshold;
                Features.Search.ProjectSearch.ProbeCost = probeCost;
                foreach (var text in new[] { "保障", "满意度", longer })
                {
                    var expected = order.Where(p => p.Name.Contains(text, StringComparison.Ordinal) || p.Goal.Contains(text, StringComparison.Ordinal)
                        || p.Texts.Any(t => t.Contains(text, StringComparison.Ordinal))).Select(p => p.Id).ToList();
                    var pages = new List<int>();
                    for (var page = 1; page <= (expected.Count + 1) / 2; page++)
                    {
                        var found = await ProjectsApiTests.Page(client, $"?pageSize=2&page={page}&q={Uri.EscapeDataString(text)}&way={threshold}-{probeCost}");
                        Assert.Equal(expected.Count, found.GetProperty("total").GetInt32());
                        pages.AddRange(found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
                    }

                    Assert.True(expected.Count > 2, $"「{text}」 should fill more than one page");
                    Assert.True(expected.SequenceEqual(pages), $"「{text}」 ({threshold}, {probeCost}): expected {string.Join(",", expected)}, found {string.Join(",", pages)}");
                }
            }
        }
        finally
        {
            (Features.Search.ProjectSearch.ManyMatches, Features.Search.ProjectSearch.ProbeCost) = (many, cost);
        }
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task Search_FollowsAnEditedNameAndTarget(string provider)
    {
        await using var app = JixiaoApp.Start(provider, loadSample: true);
        using var client = app.Client();
        var id = await ProjectsApiTests.ProjectId(app, "社区学习中心运行保障经费", 2);
        var (project, etag) = await ProjectsApiTests.Get(client, id);
        var edit = ProjectsApiTests.Edit(project, _ => "不少于4321人次");
        edit["name"] = "社区夜校开放经费";

        using var response = await ProjectsApiTests.Put(client, id, edit, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([id], await IdsAsync(client, "社区夜校"));
        Assert.Equal([id], await IdsAsync(client, "4321人次"));
        Assert.DoesNotContain(id, await IdsAsync(client, "社区学习中心运行保障经费"));
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task ProjectsWithoutTerms_AreNotFoundByTheIndex_UntilTheNextStartIndexesThem(string provider)
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-terms-{Guid.NewGuid():N}.db");
        var database = $"jixiao_test_{Guid.NewGuid():N}";
        try
        {
            int id;
            await using (var first = JixiaoApp.Start(provider, loadSample: true, sqliteFile: file, postgresDatabase: database, dropsDatabase: false))
            {
                using var client = first.Client();
                id = await ProjectsApiTests.ProjectId(first, "社区学习中心运行保障经费", 2);
                Assert.Contains(id, await IdsAsync(client, "学习中心"));

                // With its terms gone the project is out of the index's reach: the search goes through the index.
                await first.QueryAsync(db => db.ProjectTerms.Where(t => t.ProjectId == id).ExecuteDeleteAsync(Cancel));
                Assert.DoesNotContain(id, await IdsAsync(client, "学习中心"));
                Assert.Equal(1, await first.QueryAsync(db => DocumentStore.IndexMissingTermsAsync(db, null, Cancel)));
                Assert.Contains(id, await IdsAsync(client, "学习中心"));
                await first.QueryAsync(db => db.ProjectTerms.ExecuteDeleteAsync(Cancel));
            }

            await using var second = JixiaoApp.Start(provider, sqliteFile: file, postgresDatabase: database, dropsDatabase: true);
            using var again = second.Client();
            Assert.Contains(id, await IdsAsync(again, "学习中心"));
            Assert.Equal(await second.QueryAsync(db => db.Projects.CountAsync(Cancel)), await second.QueryAsync(db => db.ProjectTerms.CountAsync(Cancel)));
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<List<int>> IdsAsync(HttpClient client, string text) =>
        [.. (await ProjectsApiTests.Page(client, "?pageSize=200&q=" + Uri.EscapeDataString(text))).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())];
}
