using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Security;

/// <summary>
/// Personal access tokens: <c>Authorization: Bearer jx_…</c>. The token stands for its owner with the
/// owner's role and units; only its SHA-256 is stored, so a stolen database does not yield tokens.
/// </summary>
public sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    JixiaoDbContext db, UserManager<JixiaoUser> users, IUserClaimsPrincipalFactory<JixiaoUser> claims, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    public const string Prefix = "jx_";

    /// <summary>A new token's text (shown once) and what is stored of it.</summary>
    public static (string Token, string Hash, string Shown) NewToken()
    {
        var token = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (token, Hash(token), token[..10]);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The bearer token of a request, null when it has none.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Hash(token);
        var now = time.GetUtcNow();
        var record = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("令牌无效、已过期或已撤销。");
        }

        var user = await users.FindByIdAsync(record.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("令牌的用户不存在或已被锁定。");
        }

        await db.AccessTokens.Where(t => t.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        var principal = await claims.CreateAsync(user);
        var identity = new System.Security.Claims.ClaimsIdentity(principal.Claims, SchemeName, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Adds the display name and the must-change-password mark to the signed-in principal.</summary>
public sealed class JixiaoClaimsFactory(UserManager<JixiaoUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<JixiaoUser, IdentityRole>(users, roles, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(JixiaoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(JixiaoClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new(JixiaoClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
