using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Accounts;

/// <summary>A personal access token as listed (never the secret).</summary>
public sealed record TokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <summary>A new token: the secret is shown this once.</summary>
public sealed record NewTokenDto(int Id, string Name, string Token, DateTimeOffset? ExpiresAt);

/// <summary>The signed-in user's own account: personal access tokens and the password. Every change is audited.</summary>
public sealed class AccountService(JixiaoDbContext db, UserManager<JixiaoUser> users, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public const int MaxTokenDays = 366;

    private const string NoSuchUser = "没有该用户。";

    public Task<List<TokenDto>> TokensAsync(CancellationToken cancellationToken) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id)
            .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>Creates a token for the signed-in user; <paramref name="days"/> 1–366.</summary>
    public async Task<Outcome<NewTokenDto>> CreateTokenAsync(string name, int days, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return Outcome<NewTokenDto>.Invalid("请给令牌起一个名字（不超过 100 字），以便日后辨认。");
        }

        if (days is < 1 or > MaxTokenDays)
        {
            return Outcome<NewTokenDto>.Invalid($"有效期为 1 到 {MaxTokenDays} 天。");
        }

        var (token, hash, prefix) = TokenAuthentication.NewToken();
        var now = time.GetUtcNow();
        var record = new AccessTokenRecord { UserId = user.Id!, Name = name, Hash = hash, Prefix = prefix, CreatedAt = now, ExpiresAt = now.AddDays(days) };
        db.AccessTokens.Add(record);
        audit.Change("token.create", $"创建个人访问令牌「{name}」（{prefix}…），有效 {days} 天", null);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<NewTokenDto>.Done(new NewTokenDto(record.Id, name, token, record.ExpiresAt));
    }

    /// <summary>Revokes one of the signed-in user's tokens; not found when they have no such token.</summary>
    public async Task<Outcome<int>> RevokeTokenAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == user.Id, cancellationToken);
        if (record is null)
        {
            return Outcome<int>.NotFound($"您没有第 {id} 号令牌。");
        }

        record.RevokedAt ??= time.GetUtcNow();
        audit.Change("token.revoke", $"撤销个人访问令牌「{record.Name}」（{record.Prefix}…）", null);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Done(id);
    }

    /// <summary>Changes the signed-in user's password (the new one twice, and not the old one); done with their id, the sign-in refreshed.</summary>
    public async Task<Outcome<string>> ChangePasswordAsync(System.Security.Claims.ClaimsPrincipal principal, string current, string newPassword, string repeat,
        SignInManager<JixiaoUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (await users.GetUserAsync(principal) is not { } account)
        {
            return Outcome<string>.NotFound(NoSuchUser);
        }

        if (newPassword != repeat)
        {
            return Outcome<string>.Invalid("两次输入的新密码不一致。");
        }

        if (newPassword == current)
        {
            return Outcome<string>.Invalid("新密码不能与原密码相同。");
        }

        var result = await users.ChangePasswordAsync(account, current, newPassword);
        if (!result.Succeeded)
        {
            return Outcome<string>.Invalid([.. result.Errors.Select(e => e.Description)]);
        }

        account.MustChangePassword = false;
        await users.UpdateAsync(account);
        audit.Change("user.password", $"用户「{user.UserName}」修改了密码", null);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(account);
        return Outcome<string>.Done(account.Id);
    }
}
