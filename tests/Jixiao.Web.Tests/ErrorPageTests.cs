using System.Net;

namespace Jixiao.Web.Tests;

/// <summary>The error page explains real errors and is not itself one.</summary>
public class ErrorPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/error")]
    [InlineData("/error?code=500")]
    [InlineData("/error?code=403")]
    public async Task ErrorPage_AskedForDirectly_IsNotFoundNotAServerError(string url)
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("找不到页面", html, StringComparison.Ordinal);
        Assert.DoesNotContain("服务器出错", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_ForAMissingPage_SaysNotFoundInChinese()
    {
        await using var app = JixiaoApp.Start("sqlite");
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync("/no-such-page", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到页面", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
