using Jixiao.Data;
using Jixiao.Web.Features.Documents;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Users;

/// <summary>Who is signed in.</summary>
public sealed record MeDto(string UserName, string DisplayName, string Role, string RoleName, IReadOnlyList<UnitDto> Units);

/// <summary>A token to create.</summary>
public sealed record TokenRequest(string Name, int? Days);

/// <summary>An account to create.</summary>
public sealed record UserRequest(string UserName, string? DisplayName, string Role, IReadOnlyList<int>? UnitIds);

/// <summary>A created account with its one-time password.</summary>
public sealed record CreatedUserDto(string Id, string UserName, string Password);

/// <summary>A unit-tree node to add or move.</summary>
public sealed record UnitRequest(string Name, string Kind, int? ParentId);

/// <summary>An audit line for administrators.</summary>
public sealed record AuditDto(long Id, DateTimeOffset At, string Kind, string Action, string User, string Address, int? UnitId, int? DocumentId, int? ProjectId, string Summary);

/// <summary>The accounts API: the signed-in user, their tokens; users, units and the audit trail for administrators.</summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Accounts");
        group.MapGet("/me", Me).RequireAccess(Access.Account).WithSummary("当前用户：角色和可见的单位");
        group.MapGet("/tokens", (AccountService accounts, CancellationToken ct) => accounts.TokensAsync(ct)).RequireAccess(Access.Account).WithSummary("我的个人访问令牌");
        group.MapPost("/tokens", CreateToken).RequireAccess(Access.Account).WithSummary("创建个人访问令牌（令牌只在此时显示一次）");
        group.MapDelete("/tokens/{tokenId:int}", RevokeToken).RequireAccess(Access.Account).WithSummary("撤销我的一个令牌");
        group.MapGet("/units", (AccountService accounts, CancellationToken ct) => accounts.UnitsAsync(ct)).RequireAccess(Access.Read).WithSummary("可见的单位树节点");
        group.MapPost("/units", SaveUnit).RequireAccess(Access.Admin).WithSummary("新增或移动单位树节点（地区、主管部门、预算单位）");
        group.MapGet("/users", (AccountService accounts, CancellationToken ct) => accounts.UsersAsync(ct)).RequireAccess(Access.Admin).WithSummary("所有用户");
        group.MapPost("/users", CreateUser).RequireAccess(Access.Admin).WithSummary("创建用户，返回一次性密码");
        group.MapGet("/audit", Audit).RequireAccess(Access.Admin).WithSummary("审计记录（变更和被拒绝的请求），新的在前，分页");
        return routes;
    }

    private static async Task<Ok<MeDto>> Me(CurrentUser user, AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MeDto(user.UserName, user.DisplayName, user.Role ?? "", JixiaoRoles.Chinese(user.Role ?? ""), await accounts.UnitsAsync(cancellationToken)));

    private static async Task<Results<Created<NewTokenDto>, ProblemHttpResult>> CreateToken(TokenRequest body, AccountService accounts, CancellationToken cancellationToken)
    {
        try
        {
            var token = await accounts.CreateTokenAsync(body.Name ?? "", body.Days ?? 90, cancellationToken);
            return TypedResults.Created($"/api/tokens/{token.Id}", token);
        }
        catch (AccountException e)
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "无法创建令牌", e.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(int tokenId, AccountService accounts, CancellationToken cancellationToken) =>
        await accounts.RevokeTokenAsync(tokenId, cancellationToken)
            ? TypedResults.NoContent()
            : DocumentsApi.Problem(StatusCodes.Status404NotFound, "找不到该令牌", $"您没有第 {tokenId} 号令牌。");

    private static async Task<Results<Created<CreatedUserDto>, ProblemHttpResult>> CreateUser(UserRequest body, AccountService accounts)
    {
        try
        {
            var created = await accounts.CreateUserAsync(body.UserName ?? "", body.DisplayName ?? "", body.Role ?? "", body.UnitIds ?? []);
            return TypedResults.Created($"/api/users/{created.User.Id}", new CreatedUserDto(created.User.Id, created.User.UserName!, created.Password));
        }
        catch (AccountException e)
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "无法创建用户", e.Message);
        }
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> SaveUnit(UnitRequest body, AccountService accounts, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await accounts.SaveUnitAsync(body.Name ?? "", body.Kind ?? "", body.ParentId, cancellationToken));
        }
        catch (AccountException e)
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "无法保存单位", e.Message);
        }
    }

    private static async Task<Ok<List<AuditDto>>> Audit(JixiaoDbContext db, CancellationToken cancellationToken, int page = 1, string? kind = null)
    {
        var query = db.Audit.AsNoTracking();
        if (kind is "change" or "security")
        {
            query = query.Where(a => a.Kind == kind);
        }

        return TypedResults.Ok(await query.OrderByDescending(a => a.Id).Skip((Math.Max(page, 1) - 1) * 100).Take(100)
            .Select(a => new AuditDto(a.Id, a.At, a.Kind, a.Action, a.UserName, a.Address, a.UnitId, a.DocumentId, a.ProjectId, a.Summary))
            .ToListAsync(cancellationToken));
    }
}
