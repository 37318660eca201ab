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
    JixiaoDbContext db, UserManager<JixiaoUser> users, IUserClaimsPrincipalFactory<JixiaoUser> claims, TimeProvider time, TokenUse uses, TokenPrincipals principals,
    Infrastructure.DataGeneration generation)
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

        // The token and its owner as the database has them now, so that a revoked token, a locked account
        // or a changed role (a new security stamp) takes effect at once on every node; no write. Kept in
        // memory only while nothing at all has been committed to the database since it was read.
        var current = await generation.ForRequestAsync(Context);
        var row = await principals.Rows.GetOrReadAsync(hash, current, _ => LookupQuery.For(db)(db, hash), Context.RequestAborted);

        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("令牌无效、已过期或已撤销。");
        }

        if (row.UserId is null || (row.LockoutEnabled && row.LockoutEnd > now))
        {
            return AuthenticateResult.Fail("令牌的用户不存在或已被锁定。");
        }

        uses.Note(row.Id, row.LastUsedAt, now);
        var principal = await principals.GetAsync(row.UserId, row.SecurityStamp ?? "", async () =>
        {
            var user = await users.FindByIdAsync(row.UserId);
            if (user is null)
            {
                return null;
            }

            var created = await claims.CreateAsync(user);
            var identity = new System.Security.Claims.ClaimsIdentity(created.Claims, SchemeName, created.Identities.First().NameClaimType, created.Identities.First().RoleClaimType);
            return new System.Security.Claims.ClaimsPrincipal(identity);
        });
        return principal is null
            ? AuthenticateResult.Fail("令牌的用户不存在或已被锁定。")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    internal sealed record TokenRow(int Id, string? UserId, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool LockoutEnabled, DateTimeOffset? LockoutEnd, string? SecurityStamp);

    /// <summary>The token and its owner's lock and stamp, compiled once: the query runs on every request with a token.</summary>
    private static readonly CompiledPerModel<Func<JixiaoDbContext, string, Task<TokenRow?>>> LookupQuery = new(() => EF.CompileAsyncQuery((JixiaoDbContext db, string hash) =>
        (from t in db.AccessTokens.AsNoTracking()
         where t.Hash == hash
         join u in db.Users.AsNoTracking() on t.UserId equals u.Id into owners
         from u in owners.DefaultIfEmpty()
         select new TokenRow(t.Id, u == null ? null : u.Id, t.RevokedAt, t.ExpiresAt, t.LastUsedAt, u != null && u.LockoutEnabled, u == null ? null : u.LockoutEnd, u == null ? null : u.SecurityStamp))
        .FirstOrDefault()));

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
