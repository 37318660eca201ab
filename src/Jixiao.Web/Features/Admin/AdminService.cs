using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Admin;

/// <summary>An account as listed for administrators.</summary>
public sealed record UserDto(string Id, string UserName, string DisplayName, string Role, string RoleName, IReadOnlyList<string> Units, bool LockedOut, bool MustChangePassword, bool Disabled);

/// <summary>A node of the unit tree.</summary>
public sealed record UnitDto(int Id, string Name, string Kind, string KindName, int? ParentId);

/// <summary>An audit line for administrators.</summary>
public sealed record AuditDto(long Id, DateTimeOffset At, string Kind, string Action, string User, string Address, int? UnitId, int? DocumentId, int? ProjectId, string Summary);

/// <summary>
/// What administrators manage: accounts (created with a one-time password, given roles and units,
/// stopped and started again, never deleted), the unit tree, and the audit trail. Every change is audited.
/// </summary>
public sealed class AdminService(JixiaoDbContext db, UserManager<JixiaoUser> users, CurrentUser user, AuditLog audit, TimeProvider time)
{
    private const string NoSuchUser = "没有该用户。";

    public async Task<List<UserDto>> UsersAsync(CancellationToken cancellationToken)
    {
        var list = await db.Users.AsNoTracking().Include(u => u.Scopes).ThenInclude(s => s.Unit).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. list.Select(u =>
        {
            var role = roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "";
            return new UserDto(u.Id, u.UserName ?? "", u.DisplayName, role, JixiaoRoles.Chinese(role),
                [.. u.Scopes.Select(s => s.Unit?.Name ?? "").Order(StringComparer.Ordinal)], u.LockoutEnd > now, u.MustChangePassword, u.LockoutEnd == DateTimeOffset.MaxValue);
        })];
    }

    /// <summary>Creates an account with a one-time password (returned, shown once).</summary>
    public async Task<Outcome<CreatedAccount>> CreateUserAsync(string userName, string displayName, string role, IReadOnlyCollection<int> unitIds)
    {
        if (JixiaoRoles.Parse(role) is not { } parsed)
        {
            return Outcome<CreatedAccount>.Invalid($"没有角色「{role}」。");
        }

        CreatedAccount created;
        try
        {
            created = await Jixiao.Data.Accounts.CreateAsync(users, db, userName, displayName, parsed, unitIds, time.GetUtcNow());
        }
        catch (AccountException e)
        {
            return Outcome<CreatedAccount>.Invalid(e.Message);
        }

        audit.Change("user.create", $"创建用户「{created.User.UserName}」（{created.User.DisplayName}），角色{JixiaoRoles.Chinese(parsed)}", null,
            after: new { created.User.UserName, created.User.DisplayName, Role = parsed, Units = unitIds });
        await db.SaveChangesAsync();
        return Outcome<CreatedAccount>.Done(created);
    }

    /// <summary>Gives an account a new one-time password and lifts a lockout.</summary>
    public async Task<Outcome<string>> ResetPasswordAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } account)
        {
            return Outcome<string>.NotFound(NoSuchUser);
        }

        var password = Jixiao.Data.Accounts.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var result = await users.ResetPasswordAsync(account, token, password);
        if (!result.Succeeded)
        {
            return Outcome<string>.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        account.MustChangePassword = true;
        await users.UpdateAsync(account);
        if (account.LockoutEnd != DateTimeOffset.MaxValue)
        {
            await users.SetLockoutEndDateAsync(account, null);
        }

        await users.ResetAccessFailedCountAsync(account);
        audit.Change("user.reset-password", $"重置用户「{account.UserName}」的密码", null);
        await db.SaveChangesAsync();
        return Outcome<string>.Done(password);
    }

    /// <summary>
    /// Gives an account another role and other units. Its sessions end (the security stamp changes), so
    /// the new role applies from its next sign-in; its tokens carry the new role at once.
    /// </summary>
    public async Task<Outcome<string>> UpdateUserAsync(string userId, string roleText, IReadOnlyCollection<int> unitIds)
    {
        if (await db.Users.Include(u => u.Scopes).FirstOrDefaultAsync(u => u.Id == userId) is not { } account)
        {
            return Outcome<string>.NotFound(NoSuchUser);
        }

        if (account.Id == user.Id)
        {
            return Outcome<string>.Refused("不能修改自己的角色和单位。");
        }

        if (JixiaoRoles.Parse(roleText) is not { } role)
        {
            return Outcome<string>.Invalid($"没有角色「{roleText}」。");
        }

        List<UnitRecord> nodes;
        try
        {
            nodes = await Jixiao.Data.Accounts.ScopeNodesAsync(db, role, unitIds);
        }
        catch (AccountException e)
        {
            return Outcome<string>.Invalid(e.Message);
        }

        var oldRoles = await users.GetRolesAsync(account);
        var before = new { Roles = oldRoles, Units = account.Scopes.Select(s => s.UnitId).Order().ToList() };
        account.Scopes.Clear();
        account.Scopes.AddRange(nodes.Select(n => new UserScopeRecord { UserId = account.Id, UnitId = n.Id }));
        await db.SaveChangesAsync();
        await users.RemoveFromRolesAsync(account, oldRoles);
        await users.AddToRoleAsync(account, role);
        await users.UpdateSecurityStampAsync(account);
        audit.Change("user.update", $"修改用户「{account.UserName}」：角色{JixiaoRoles.Chinese(role)}，单位 {string.Join("、", nodes.Select(n => n.Name))}", null,
            before: before, after: new { Roles = new[] { role }, Units = nodes.Select(n => n.Id).Order().ToList() });
        await db.SaveChangesAsync();
        return Outcome<string>.Done(account.Id);
    }

    /// <summary>
    /// Stops an account from signing in (and ends its sessions and tokens at once), or lets it again.
    /// Accounts are never deleted, so the audit trail keeps naming real accounts.
    /// </summary>
    public async Task<Outcome<string>> SetActiveAsync(string userId, bool active)
    {
        if (await users.FindByIdAsync(userId) is not { } account)
        {
            return Outcome<string>.NotFound(NoSuchUser);
        }

        if (account.Id == user.Id)
        {
            return Outcome<string>.Refused("不能停用自己的账户。");
        }

        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, active ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        audit.Change(active ? "user.enable" : "user.disable", $"{(active ? "启用" : "停用")}用户「{account.UserName}」", null);
        await db.SaveChangesAsync();
        return Outcome<string>.Done(account.Id);
    }

    /// <summary>The unit tree as far as the user sees it.</summary>
    public async Task<List<UnitDto>> UnitsAsync(CancellationToken cancellationToken)
    {
        var list = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Kind, u.ParentId }).ToListAsync(cancellationToken);
        return [.. list.Select(u => new UnitDto(u.Id, u.Name, u.Kind, Jixiao.Data.Accounts.KindName(u.Kind), u.ParentId))];
    }

    /// <summary>Adds a node to the tree, or moves an existing one (by name) under <paramref name="parentId"/>.</summary>
    public async Task<Outcome<UnitDto>> SaveUnitAsync(string name, string kind, int? parentId, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            return Outcome<UnitDto>.Invalid("请填写名称（不超过 200 字）。");
        }

        if (kind is not (UnitKinds.Region or UnitKinds.Department or UnitKinds.Unit))
        {
            return Outcome<UnitDto>.Invalid("类型只能是 region（地区）、department（主管部门）或 unit（预算单位）。");
        }

        var expectedParent = kind == UnitKinds.Unit ? UnitKinds.Department : kind == UnitKinds.Department ? UnitKinds.Region : null;
        var parent = parentId is { } pid ? await db.Units.FirstOrDefaultAsync(u => u.Id == pid, cancellationToken) : null;
        if (parentId is not null && parent is null)
        {
            return Outcome<UnitDto>.Invalid("上级不存在。");
        }

        if (expectedParent is null ? parent is not null : parent is not null && parent.Kind != expectedParent)
        {
            return Outcome<UnitDto>.Invalid($"{Jixiao.Data.Accounts.KindName(kind)}的上级应是{(expectedParent is null ? "空" : Jixiao.Data.Accounts.KindName(expectedParent))}。");
        }

        var node = await db.Units.FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
        var before = node is null ? null : new { node.Name, node.Kind, node.ParentId };
        if (node is null)
        {
            node = db.Units.Add(new UnitRecord { Name = name, Kind = kind, ParentId = parentId }).Entity;
        }
        else if (node.Kind != kind)
        {
            return Outcome<UnitDto>.Invalid($"「{name}」已是{Jixiao.Data.Accounts.KindName(node.Kind)}。");
        }
        else
        {
            node.ParentId = parentId;
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Change(before is null ? "unit.create" : "unit.move", $"{(before is null ? "新增" : "调整")}{Jixiao.Data.Accounts.KindName(kind)}「{name}」" + (parent is null ? "" : $"，上级「{parent.Name}」"),
            node.Id, before: before, after: new { node.Name, node.Kind, node.ParentId });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<UnitDto>.Done(new UnitDto(node.Id, node.Name, node.Kind, Jixiao.Data.Accounts.KindName(node.Kind), node.ParentId));
    }

    /// <summary>The audit trail, newest first, one page (<paramref name="page"/> from 1) of <paramref name="pageSize"/>; <paramref name="kind"/> <c>change</c> or <c>security</c> for one kind only.</summary>
    public Task<List<AuditDto>> AuditAsync(string? kind, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Audit.AsNoTracking();
        if (kind is "change" or "security")
        {
            query = query.Where(a => a.Kind == kind);
        }

        return query.OrderByDescending(a => a.Id).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditDto(a.Id, a.At, a.Kind, a.Action,
                a.UserId == null ? (a.UserName == "system" ? "系统" : a.UserName) : (db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName + "（" + u.UserName + "）").FirstOrDefault() ?? a.UserName),
                a.Address, a.UnitId, a.DocumentId, a.ProjectId, a.Summary))
            .ToListAsync(cancellationToken);
    }
}
