using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Users;

/// <summary>A personal access token as listed (never the secret).</summary>
public sealed record TokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <summary>A new token: the secret is shown this once.</summary>
public sealed record NewTokenDto(int Id, string Name, string Token, DateTimeOffset? ExpiresAt);

/// <summary>An account as listed for administrators.</summary>
public sealed record UserDto(string Id, string UserName, string DisplayName, string Role, string RoleName, IReadOnlyList<string> Units, bool LockedOut, bool MustChangePassword, bool Disabled);

/// <summary>A node of the unit tree.</summary>
public sealed record UnitDto(int Id, string Name, string Kind, string KindName, int? ParentId);

/// <summary>Tokens of the signed-in user; users and the unit tree for administrators. Every change is audited.</summary>
public sealed class AccountService(JixiaoDbContext db, UserManager<JixiaoUser> users, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public const int MaxTokenDays = 366;

    public Task<List<TokenDto>> TokensAsync(CancellationToken cancellationToken) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id)
            .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>Creates a token for the signed-in user; <paramref name="days"/> 1–366.</summary>
    public async Task<NewTokenDto> CreateTokenAsync(string name, int days, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new AccountException("请给令牌起一个名字（不超过 100 字），以便日后辨认。");
        }

        if (days is < 1 or > MaxTokenDays)
        {
            throw new AccountException($"有效期为 1 到 {MaxTokenDays} 天。");
        }

        var (token, hash, prefix) = TokenAuthentication.NewToken();
        var now = time.GetUtcNow();
        var record = new AccessTokenRecord { UserId = user.Id!, Name = name, Hash = hash, Prefix = prefix, CreatedAt = now, ExpiresAt = now.AddDays(days) };
        db.AccessTokens.Add(record);
        audit.Change("token.create", $"创建个人访问令牌「{name}」（{prefix}…），有效 {days} 天", null);
        await db.SaveChangesAsync(cancellationToken);
        return new NewTokenDto(record.Id, name, token, record.ExpiresAt);
    }

    /// <summary>Revokes one of the signed-in user's tokens; false when they have no such token.</summary>
    public async Task<bool> RevokeTokenAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == user.Id, cancellationToken);
        if (record is null)
        {
            return false;
        }

        record.RevokedAt ??= time.GetUtcNow();
        audit.Change("token.revoke", $"撤销个人访问令牌「{record.Name}」（{record.Prefix}…）", null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

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
    public async Task<CreatedAccount> CreateUserAsync(string userName, string displayName, string role, IReadOnlyCollection<int> unitIds)
    {
        var parsed = JixiaoRoles.Parse(role) ?? throw new AccountException($"没有角色「{role}」。");
        var created = await Accounts.CreateAsync(users, db, userName, displayName, parsed, unitIds, time.GetUtcNow());
        audit.Change("user.create", $"创建用户「{created.User.UserName}」（{created.User.DisplayName}），角色{JixiaoRoles.Chinese(parsed)}", null,
            after: new { created.User.UserName, created.User.DisplayName, Role = parsed, Units = unitIds });
        await db.SaveChangesAsync();
        return created;
    }

    /// <summary>Gives an account a new one-time password and lifts a lockout.</summary>
    public async Task<string> ResetPasswordAsync(string userId)
    {
        var account = await users.FindByIdAsync(userId) ?? throw new AccountException("没有该用户。");
        var password = Accounts.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var result = await users.ResetPasswordAsync(account, token, password);
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
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
        return password;
    }

    /// <summary>
    /// Gives an account another role and other units. Its sessions end (the security stamp changes), so
    /// the new role applies from its next sign-in; its tokens carry the new role at once.
    /// </summary>
    public async Task UpdateUserAsync(string userId, string roleText, IReadOnlyCollection<int> unitIds)
    {
        var account = await db.Users.Include(u => u.Scopes).FirstOrDefaultAsync(u => u.Id == userId) ?? throw new AccountException("没有该用户。");
        if (account.Id == user.Id)
        {
            throw new AccountException("不能修改自己的角色和单位。");
        }

        var role = JixiaoRoles.Parse(roleText) ?? throw new AccountException($"没有角色「{roleText}」。");
        var nodes = await Accounts.ScopeNodesAsync(db, role, unitIds);
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
    }

    /// <summary>
    /// Stops an account from signing in (and ends its sessions and tokens at once), or lets it again.
    /// Accounts are never deleted, so the audit trail keeps naming real accounts.
    /// </summary>
    public async Task SetActiveAsync(string userId, bool active)
    {
        var account = await users.FindByIdAsync(userId) ?? throw new AccountException("没有该用户。");
        if (account.Id == user.Id)
        {
            throw new AccountException("不能停用自己的账户。");
        }

        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, active ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        audit.Change(active ? "user.enable" : "user.disable", $"{(active ? "启用" : "停用")}用户「{account.UserName}」", null);
        await db.SaveChangesAsync();
    }

    /// <summary>The unit tree as far as the user sees it.</summary>
    public async Task<List<UnitDto>> UnitsAsync(CancellationToken cancellationToken)
    {
        var list = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Kind, u.ParentId }).ToListAsync(cancellationToken);
        return [.. list.Select(u => new UnitDto(u.Id, u.Name, u.Kind, Accounts.KindName(u.Kind), u.ParentId))];
    }

    /// <summary>Adds a node to the tree, or moves an existing one (by name) under <paramref name="parentId"/>.</summary>
    public async Task<UnitDto> SaveUnitAsync(string name, string kind, int? parentId, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new AccountException("请填写名称（不超过 200 字）。");
        }

        var expectedParent = kind switch
        {
            UnitKinds.Region => null,
            UnitKinds.Department => UnitKinds.Region,
            UnitKinds.Unit => UnitKinds.Department,
            _ => throw new AccountException("类型只能是 region（地区）、department（主管部门）或 unit（预算单位）。"),
        };
        var parent = parentId is { } pid ? await db.Units.FirstOrDefaultAsync(u => u.Id == pid, cancellationToken) : null;
        if (parentId is not null && parent is null)
        {
            throw new AccountException("上级不存在。");
        }

        if (expectedParent is null ? parent is not null : parent is not null && parent.Kind != expectedParent)
        {
            throw new AccountException($"{Accounts.KindName(kind)}的上级应是{(expectedParent is null ? "空" : Accounts.KindName(expectedParent))}。");
        }

        var node = await db.Units.FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
        var before = node is null ? null : new { node.Name, node.Kind, node.ParentId };
        if (node is null)
        {
            node = db.Units.Add(new UnitRecord { Name = name, Kind = kind, ParentId = parentId }).Entity;
        }
        else if (node.Kind != kind)
        {
            throw new AccountException($"「{name}」已是{Accounts.KindName(node.Kind)}。");
        }
        else
        {
            node.ParentId = parentId;
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Change(before is null ? "unit.create" : "unit.move", $"{(before is null ? "新增" : "调整")}{Accounts.KindName(kind)}「{name}」" + (parent is null ? "" : $"，上级「{parent.Name}」"),
            node.Id, before: before, after: new { node.Name, node.Kind, node.ParentId });
        await db.SaveChangesAsync(cancellationToken);
        return new UnitDto(node.Id, node.Name, node.Kind, Accounts.KindName(node.Kind), node.ParentId);
    }
}
