using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Security;

/// <summary>What an administrator does to accounts takes effect at once, and is audited.</summary>
public class AccountAdministrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionsAndTokensAtOnce_AndEnablingRestoresSignIn()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        using var officerCookie = await tenants.SignInAsync(Tenants.Officer);
        using var officerToken = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        Assert.Equal(HttpStatusCode.OK, (await officerToken.GetAsync("/api/me", Cancel)).StatusCode);

        using var admin = await tenants.SignInAsync(Tenants.Admin);
        var officerId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Tenants.Officer).Select(u => u.Id).SingleAsync(Cancel));
        await PostActiveAsync(admin, officerId, active: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officerToken.GetAsync("/api/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officerCookie.GetAsync("/api/me", Cancel)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => tenants.SignInAsync(Tenants.Officer));
        Assert.Contains("已停用", await admin.GetStringAsync("/admin/users", Cancel), StringComparison.Ordinal);

        await PostActiveAsync(admin, officerId, active: true);
        using var again = await tenants.SignInAsync(Tenants.Officer);
        var actions = await app.QueryAsync(db => db.Audit.Where(a => a.Kind == "change").Select(a => a.Action).ToListAsync(Cancel));
        Assert.Contains("user.disable", actions);
        Assert.Contains("user.enable", actions);
    }

    [Fact]
    public async Task CreatedUsers_GetAOneTimePassword_AndWrongRoleOrUnitKindIsRefusedInChinese()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        using var admin = app.Client();
        using var wrongKind = await admin.PostAsJsonAsync("/api/users", new { userName = "x1", role = "主管部门审核员", unitIds = new[] { tenants.UnitIds[Tenants.UnitA] } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("只能绑定主管部门", await wrongKind.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var badPassword = await admin.PostAsJsonAsync("/api/users", new { userName = "bad name!", role = "管理员" }, Cancel);
        Assert.Contains("用户名「bad name!」无效", await badPassword.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var created = await admin.PostAsJsonAsync("/api/users", new { userName = "wang.wu", displayName = "王五", role = "单位填报员", unitIds = new[] { tenants.UnitIds[Tenants.UnitA] } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var password = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 10);

        // The one-time password signs in, but until it is changed only the password page opens.
        using var client = app.AnonymousClient();
        var form = await client.GetStringAsync("/account/login", Cancel);
        await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "wang.wu", ["Password"] = password, ["__RequestVerificationToken"] = Tenants.FormToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/documents", Cancel)).StatusCode);
        using var page = await client.GetAsync("/documents", Cancel);
        Assert.EndsWith("/account/password", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingRoleAndUnits_TakesEffectAtOnce_AndIsAudited()
    {
        await using var app = JixiaoApp.Start("sqlite");
        var tenants = await Tenants.CreateAsync(app);
        using var officerCookie = await tenants.SignInAsync(Tenants.Officer);
        using var officerToken = app.ClientWithToken(app.TokenFor(Tenants.Officer));
        using var admin = await tenants.SignInAsync(Tenants.Admin);
        var officerId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Tenants.Officer).Select(u => u.Id).SingleAsync(Cancel));

        // A department reviewer is attached to a department, not a unit: refused with the reason.
        var refused = await PostChangeAsync(admin, officerId, "department-reviewer", tenants.UnitIds[Tenants.UnitA]);
        Assert.Contains("只能绑定主管部门", refused, StringComparison.Ordinal);

        await PostChangeAsync(admin, officerId, "department-reviewer", tenants.UnitIds["南岭市教育局"]);
        var me = JsonDocument.Parse(await officerToken.GetStringAsync("/api/me", Cancel)).RootElement;
        Assert.Equal("department-reviewer", me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await officerCookie.GetAsync("/api/me", Cancel)).StatusCode);
        var line = await app.QueryAsync(db => db.Audit.SingleAsync(a => a.Action == "user.update", Cancel));
        Assert.Contains("unit-officer", line.Before, StringComparison.Ordinal);
        Assert.Contains("department-reviewer", line.After, StringComparison.Ordinal);
    }

    private static async Task<string> PostChangeAsync(HttpClient admin, string userId, string role, int unitId)
    {
        var page = await admin.GetStringAsync("/admin/users", Cancel);
        using var response = await admin.PostAsync("/admin/users?handler=Change", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ChangeUserId"] = userId,
            ["NewRole"] = role,
            ["NewUnits"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = Tenants.FormToken(page),
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task PostActiveAsync(HttpClient admin, string userId, bool active)
    {
        var page = await admin.GetStringAsync("/admin/users", Cancel);
        using var response = await admin.PostAsync("/admin/users?handler=Active", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = userId,
            ["active"] = active ? "true" : "false",
            ["__RequestVerificationToken"] = Tenants.FormToken(page),
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
