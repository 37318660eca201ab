using System.Security.Claims;

namespace Jixiao.Web.Security;

/// <summary>
/// What each request would read again about its account, kept while nothing has been committed since it was
/// read: the units each user sees, by user and role (shared: never changed once kept), and each account's
/// security stamp, against which a sign-in cookie is checked.
/// </summary>
public sealed class KeptAccounts(Infrastructure.DataGeneration generation)
{
    public Infrastructure.DataGeneration Generation => generation;

    public Infrastructure.GenerationCache<(string UserId, string Role), HashSet<int>> Units { get; } = new(TokenPrincipals.Capacity);

    public Infrastructure.GenerationCache<string, string?> Stamps { get; } = new(TokenPrincipals.Capacity);

    /// <summary>
    /// Checks a sign-in cookie on every request: its account must still exist and have the stamp the cookie
    /// was issued with. Signing out, a new password, a new role or units, or a stopped account give the
    /// account a new stamp, so every copy of the cookie, on every server, stops working at once.
    /// </summary>
    public static async Task ValidateCookieAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var kept = services.GetRequiredService<KeptAccounts>();
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        string? current = null;
        if (userId is not null)
        {
            var generation = await kept.Generation.ForRequestAsync(context.HttpContext);
            var db = services.GetRequiredService<JixiaoDbContext>();
            current = await kept.Stamps.GetOrReadAsync(userId, generation,
                cancel => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancel), context.HttpContext.RequestAborted);
        }

        if (current is not null && current == context.Principal!.FindFirstValue(stampClaim))
        {
            // As Identity's own check did: the cookie is issued again with each answer.
            context.ShouldRenew = true;
        }
        else
        {
            context.RejectPrincipal();
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(context.HttpContext, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        }
    }
}
