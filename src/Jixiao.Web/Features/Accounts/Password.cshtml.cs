using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Accounts;

/// <summary>Change one's password; required after signing in with a one-time password.</summary>
[Access(Access.Account)]
public sealed class PasswordModel(AccountService accounts, SignInManager<JixiaoUser> signIn) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = "";

    [BindProperty]
    public string New { get; set; } = "";

    [BindProperty]
    public string Repeat { get; set; } = "";

    public bool MustChange => User.HasClaim(JixiaoClaims.MustChangePassword, "true");

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    [Access(Access.Account)]
    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await accounts.ChangePasswordAsync(User, Current ?? "", New ?? "", Repeat ?? "", signIn);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return Challenge();
        }

        return outcome.ToPage(this, _ =>
        {
            Done = true;
            return Page();
        }, failed =>
        {
            Errors = [.. failed.Errors.Values.SelectMany(e => e)];
            return Page();
        });
    }
}
