using System.Net;
using System.Net.Http.Json;
using Jixiao.Web.Tests.Security;

namespace Jixiao.Web.Tests;

/// <summary>Tables and projects carry an ETag; a client holding the current one is answered 304, and any edit changes it.</summary>
public class HttpCachingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (tag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        }

        return await client.SendAsync(request, Cancel);
    }

    [Theory]
    [MemberData(nameof(JixiaoApp.Providers), MemberType = typeof(JixiaoApp))]
    public async Task ATableOrProjectUnchanged_Answers304_AndAnEditChangesTheTag(string provider)
    {
        await using var app = JixiaoApp.Start(provider);
        var tenants = await Tenants.CreateAsync(app);
        var (document, project) = await tenants.AddDocumentAsync(Tenants.UnitA);
        using var officer = app.ClientWithToken(app.TokenFor(Tenants.Officer));

        using var first = await GetAsync(officer, $"/api/documents/{document}", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!.ToString();
        using var unchanged = await GetAsync(officer, $"/api/documents/{document}", tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync(Cancel));

        using var projectFirst = await GetAsync(officer, $"/api/projects/{project}", null);
        var projectTag = projectFirst.Headers.ETag!.ToString();
        using var projectUnchanged = await GetAsync(officer, $"/api/projects/{project}", projectTag);
        Assert.Equal(HttpStatusCode.NotModified, projectUnchanged.StatusCode);

        // An edit: both tags change, and the full answers come back.
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{project}") { Content = JsonContent.Create(Tenants.ProjectEdit(Tenants.UnitA, "不少于130人次")) };
        edit.Headers.TryAddWithoutValidation("If-Match", projectTag);
        using var edited = await officer.SendAsync(edit, Cancel);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        using var changed = await GetAsync(officer, $"/api/documents/{document}", tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag!.ToString());
        Assert.Contains("不少于130人次", await changed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var projectChanged = await GetAsync(officer, $"/api/projects/{project}", projectTag);
        Assert.Equal(HttpStatusCode.OK, projectChanged.StatusCode);

        // Another unit's officer learns nothing from a tag: not found, as without one.
        using var other = app.ClientWithToken(app.TokenFor(Tenants.DepartmentReviewer));
        var (otherDocument, _) = await tenants.AddDocumentAsync(Tenants.UnitB);
        using var hidden = await GetAsync(other, $"/api/documents/{otherDocument}", tag);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
