using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Features.Accounts;

/// <summary>Who is signed in.</summary>
public sealed record MeDto(string UserName, string DisplayName, string Role, string RoleName, IReadOnlyList<Admin.UnitDto> Units);

/// <summary>A token to create.</summary>
public sealed record TokenRequest(string Name, int? Days);

/// <summary>The accounts API: the signed-in user and their tokens.</summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Accounts");
        group.MapGet("/me", Me).RequireAccess(Access.Account).WithSummary("当前用户：角色和可见的单位");
        group.MapGet("/tokens", (AccountService accounts, CancellationToken ct) => accounts.TokensAsync(ct)).RequireAccess(Access.Account).WithSummary("我的个人访问令牌");
        group.MapPost("/tokens", CreateToken).RequireAccess(Access.Account).WithSummary("创建个人访问令牌（令牌只在此时显示一次）");
        group.MapDelete("/tokens/{tokenId:int}", RevokeToken).RequireAccess(Access.Account).WithSummary("撤销我的一个令牌");
        return routes;
    }

    private static async Task<Ok<MeDto>> Me(CurrentUser user, Admin.AdminService admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MeDto(user.UserName, user.DisplayName, user.Role ?? "", JixiaoRoles.Chinese(user.Role ?? ""), await admin.UnitsAsync(cancellationToken)));

    private static async Task<IResult> CreateToken(TokenRequest body, AccountService accounts, CancellationToken cancellationToken) =>
        (await accounts.CreateTokenAsync(body.Name ?? "", body.Days ?? 90, cancellationToken)).ToHttp(token => TypedResults.Created($"/api/tokens/{token.Id}", token));

    private static async Task<IResult> RevokeToken(int tokenId, AccountService accounts, CancellationToken cancellationToken) =>
        (await accounts.RevokeTokenAsync(tokenId, cancellationToken)).ToHttp(_ => TypedResults.NoContent());
}
