namespace Jixiao.Web.Features.Admin;

/// <summary>An account to create.</summary>
public sealed record UserRequest(string UserName, string? DisplayName, string Role, IReadOnlyList<int>? UnitIds);

/// <summary>A created account with its one-time password.</summary>
public sealed record CreatedUserDto(string Id, string UserName, string Password);

/// <summary>A unit-tree node to add or move.</summary>
public sealed record UnitRequest(string Name, string Kind, int? ParentId);

/// <summary>The administration API: the unit tree (its visible part for everyone), accounts and the audit trail.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Accounts");
        group.MapGet("/units", (AdminService admin, CancellationToken ct) => admin.UnitsAsync(ct)).RequireAccess(Access.Read).WithSummary("可见的单位树节点");
        group.MapPost("/units", SaveUnit).RequireAccess(Access.Admin).WithSummary("新增或移动单位树节点（地区、主管部门、预算单位）");
        group.MapGet("/users", (AdminService admin, CancellationToken ct) => admin.UsersAsync(ct)).RequireAccess(Access.Admin).WithSummary("所有用户");
        group.MapPost("/users", CreateUser).RequireAccess(Access.Admin).WithSummary("创建用户，返回一次性密码");
        group.MapGet("/audit", Audit).RequireAccess(Access.Admin).WithSummary("审计记录（变更和被拒绝的请求），新的在前，分页");
        return routes;
    }

    private static async Task<IResult> CreateUser(UserRequest body, AdminService admin) =>
        (await admin.CreateUserAsync(body.UserName ?? "", body.DisplayName ?? "", body.Role ?? "", body.UnitIds ?? []))
            .ToHttp(created => TypedResults.Created($"/api/users/{created.User.Id}", new CreatedUserDto(created.User.Id, created.User.UserName!, created.Password)));

    private static async Task<IResult> SaveUnit(UnitRequest body, AdminService admin, CancellationToken cancellationToken) =>
        (await admin.SaveUnitAsync(body.Name ?? "", body.Kind ?? "", body.ParentId, cancellationToken)).ToHttp(TypedResults.Ok);

    private static async Task<Ok<List<AuditDto>>> Audit(AdminService admin, CancellationToken cancellationToken, int page = 1, string? kind = null) =>
        TypedResults.Ok(await admin.AuditAsync(kind, page, 100, cancellationToken));
}
