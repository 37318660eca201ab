using System.Security.Cryptography;
using Jixiao.Data.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Data;

/// <summary>What <see cref="Accounts.CreateAsync"/> made: the user and the one-time password it chose.</summary>
public sealed record CreatedAccount(JixiaoUser User, string Password);

/// <summary>Account rules and account creation, shared by the web application and the command line.</summary>
public static class Accounts
{
    /// <summary>Failed sign-ins before an account is locked.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>Password, lockout and user-name rules (the same wherever accounts are made).</summary>
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
    }

    /// <summary>Identity's user and role managers over the EF stores, for a process without the web host (the command line).</summary>
    public static IdentityBuilder AddJixiaoIdentityCore(this IServiceCollection services)
    {
        return services.AddIdentityCore<JixiaoUser>(Configure)
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddEntityFrameworkStores<JixiaoDbContext>();
    }

    /// <summary>A random password that meets the rules: 16 characters from an alphabet without look-alikes.</summary>
    public static string NewPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string all = letters + "ABCDEFGHJKLMNPQRSTUVWXYZ" + digits;
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        chars[RandomNumberGenerator.GetInt32(0, 8)] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[RandomNumberGenerator.GetInt32(8, 16)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }

    /// <summary>Makes sure the four roles exist.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in JixiaoRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>
    /// Creates an account with <paramref name="role"/> attached to the unit-tree nodes
    /// <paramref name="scopeUnitIds"/> (their kind must suit the role), with a one-time password that must
    /// be changed at the first sign-in (<paramref name="password"/> when given, a random one otherwise).
    /// Throws <see cref="AccountException"/> with a Chinese message when something is wrong.
    /// </summary>
    public static async Task<CreatedAccount> CreateAsync(UserManager<JixiaoUser> users, JixiaoDbContext db, string userName, string displayName,
        string role, IReadOnlyCollection<int> scopeUnitIds, DateTimeOffset now, string? password = null, bool mustChangePassword = true)
    {
        ArgumentNullException.ThrowIfNull(users);
        var nodes = await ScopeNodesAsync(db, role, scopeUnitIds);
        password ??= NewPassword();
        var user = new JixiaoUser
        {
            UserName = userName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(),
            MustChangePassword = mustChangePassword,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        user.Scopes.AddRange(nodes.Select(n => new UserScopeRecord { UserId = user.Id, UnitId = n.Id }));

        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return new CreatedAccount(user, password);
    }

    /// <summary>
    /// The unit-tree nodes <paramref name="scopeUnitIds"/>, checked against <paramref name="role"/>: a
    /// 填报员 is attached to units, a 主管部门审核员 to departments, a 财政审核员 to regions, an
    /// administrator to nothing. Throws <see cref="AccountException"/> with a Chinese message otherwise.
    /// </summary>
    public static async Task<List<UnitRecord>> ScopeNodesAsync(JixiaoDbContext db, string role, IReadOnlyCollection<int> scopeUnitIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scopeUnitIds);
        if (!JixiaoRoles.All.Contains(role))
        {
            throw new AccountException($"没有角色「{role}」；可用的角色：{string.Join("、", JixiaoRoles.All.Select(JixiaoRoles.Chinese))}。");
        }

        var kind = JixiaoRoles.ScopeKind(role);
        var nodes = await db.Units.IgnoreQueryFilters().Where(u => scopeUnitIds.Contains(u.Id)).ToListAsync();
        if (kind is null && scopeUnitIds.Count > 0)
        {
            throw new AccountException("管理员不绑定单位：管理员可以看到所有单位。");
        }

        if (kind is not null)
        {
            if (scopeUnitIds.Count == 0)
            {
                throw new AccountException($"{JixiaoRoles.Chinese(role)}至少要绑定一个{KindName(kind)}。");
            }

            if (nodes.Count != scopeUnitIds.Distinct().Count())
            {
                throw new AccountException("绑定的单位不存在。");
            }

            if (nodes.FirstOrDefault(n => n.Kind != kind) is { } wrong)
            {
                throw new AccountException($"{JixiaoRoles.Chinese(role)}只能绑定{KindName(kind)}，「{wrong.Name}」是{KindName(wrong.Kind)}。");
            }
        }

        return nodes;
    }

    /// <summary>The Chinese name of a unit-tree node kind.</summary>
    public static string KindName(string kind) => kind switch
    {
        UnitKinds.Region => "地区（财政）",
        UnitKinds.Department => "主管部门",
        _ => "预算单位",
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>An account could not be made or changed; the message is Chinese and meant for the user.</summary>
public sealed class AccountException : Exception
{
    public AccountException()
        : base("账户操作失败。")
    {
    }

    public AccountException(string message)
        : base(message)
    {
    }

    public AccountException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名「{userName}」已被使用。" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名「{userName}」无效：只能用字母、数字和 - . _ @。" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少要 {length} 个字符。" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码至少要有一个数字。" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码至少要有一个小写字母。" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码至少要有一个大写字母。" };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码至少要有一个符号。" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少要有 {uniqueChars} 个不同的字符。" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确。" };

    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色「{role}」已存在。" };

    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"该用户已是{JixiaoRoles.Chinese(role)}。" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "该账户已被他人修改，请刷新后重试。" };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "账户操作失败。" };
}
