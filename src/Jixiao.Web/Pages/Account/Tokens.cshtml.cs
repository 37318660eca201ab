using Jixiao.Data;
using Jixiao.Web.Features.Users;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Account;

/// <summary>The signed-in user's personal access tokens: create (shown once), list, revoke.</summary>
[Access(Access.Account)]
public sealed class TokensModel(AccountService accounts) : PageModel
{
    public IReadOnlyList<TokenDto> Tokens { get; private set; } = [];

    public NewTokenDto? Created { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public int Days { get; set; } = 90;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await accounts.TokensAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            Created = await accounts.CreateTokenAsync(Name ?? "", Days, cancellationToken);
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }

        Tokens = await accounts.TokensAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken cancellationToken)
    {
        if (!await accounts.RevokeTokenAsync(tokenId, cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/account/tokens");
    }
}
