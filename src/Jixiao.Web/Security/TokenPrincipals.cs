using System.Collections.Concurrent;
using System.Security.Claims;

namespace Jixiao.Web.Security;

/// <summary>
/// The signed-in principal of each token's owner, kept per security stamp: building it reads the user, their
/// roles and claims, which a request with a token need not repeat while the account is unchanged. Any change
/// that matters (role, units, lock, password, sign-out) gives the account a new stamp and so a new principal.
/// </summary>
public sealed class TokenPrincipals
{
    /// <summary>The most principals kept; past it the cache starts again.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string UserId, string Stamp), ClaimsPrincipal> _principals = new();

    /// <summary>Tokens (by hash) with their owner's lock and stamp, as read under a data generation (null: no such token).</summary>
    internal Infrastructure.GenerationCache<string, TokenAuthentication.TokenRow?> Rows { get; } = new(Capacity);

    /// <summary>The principal of <paramref name="userId"/> at <paramref name="stamp"/>, built by <paramref name="build"/> when not kept (null is not kept).</summary>
    public async Task<ClaimsPrincipal?> GetAsync(string userId, string stamp, Func<Task<ClaimsPrincipal?>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_principals.TryGetValue((userId, stamp), out var kept))
        {
            // Each request gets its own copy, so that nothing a request adds reaches another.
            return kept.Clone();
        }

        var principal = await build();
        if (principal is not null)
        {
            if (_principals.Count >= Capacity)
            {
                _principals.Clear();
            }

            _principals[(userId, stamp)] = principal;
        }

        return principal?.Clone();
    }
}
