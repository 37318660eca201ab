using Jixiao.Data.Records;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Account;

/// <summary>Change one's password; required after signing in with a one-time password.</summary>
[Access(Access.Account)]
public sealed class PasswordModel(UserManager<JixiaoUser> users, SignInManager<JixiaoUser> signIn, AuditLog audit, CurrentUser current, Data.JixiaoDbContext db) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (New != Repeat)
        {
            Errors = ["两次输入的新密码不一致。"];
            return Page();
        }

        if (New == Current)
        {
            Errors = ["新密码不能与原密码相同。"];
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current ?? "", New ?? "");
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Change("user.password", $"用户「{current.UserName}」修改了密码", null);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
