namespace Jixiao.Web.Features.Accounts;

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

    [Access(Access.Account)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.CreateTokenAsync(Name ?? "", Days, cancellationToken);
        Tokens = await accounts.TokensAsync(cancellationToken);
        return outcome.ToPage(this, created =>
        {
            Created = created;
            return Page();
        }, failed =>
        {
            Error = failed.Message;
            return Page();
        });
    }

    [Access(Access.Account)]
    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken cancellationToken) =>
        (await accounts.RevokeTokenAsync(tokenId, cancellationToken)).ToPage(this, _ => Redirect("/account/tokens"), _ => Redirect("/account/tokens"));
}
