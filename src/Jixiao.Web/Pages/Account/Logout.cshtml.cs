using Jixiao.Data.Records;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Account;

/// <summary>Sign-out. The security stamp changes, so every copy of the old cookie stops working at once.</summary>
[Access(Access.Account)]
public sealed class LogoutModel(SignInManager<JixiaoUser> signIn, UserManager<JixiaoUser> users) : PageModel
{
    public void OnGet()
    {
    }

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
