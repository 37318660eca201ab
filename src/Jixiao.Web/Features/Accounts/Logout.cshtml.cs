using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Accounts;

/// <summary>Sign-out. The security stamp changes, so every copy of the old cookie stops working at once.</summary>
[Access(Access.Account)]
public sealed class LogoutModel(SignInManager<JixiaoUser> signIn, UserManager<JixiaoUser> users) : PageModel
{
    public void OnGet()
    {
    }

    [Access(Access.Account)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
