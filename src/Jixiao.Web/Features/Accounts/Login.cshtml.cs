using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Jixiao.Web.Features.Accounts;

/// <summary>Sign-in: user name and password; five failures lock the account for a while, and sign-ins per address are rate limited.</summary>
[Access(Access.Anonymous)]
[EnableRateLimiting(SecuritySetup.LoginPolicy)]
public sealed class LoginModel(SignInManager<JixiaoUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    [Access(Access.Anonymous)]
    public async Task<IActionResult> OnPostAsync()
    {
        var name = (UserName ?? "").Trim();
        if (name.Length == 0 || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        var shown = name.Length > 64 ? name[..64] : name;
        if (result.IsLockedOut)
        {
            await audit.SecurityAsync("login.locked-out", $"账户已锁定，拒绝登录：{shown}", shown);
            Error = $"登录失败次数过多，账户已锁定，请 {(int)Data.Accounts.LockoutTime.TotalMinutes} 分钟后再试，或请管理员重置密码。";
        }
        else
        {
            await audit.SecurityAsync("login.failed", $"用户名或密码错误：{shown}", shown);
            Error = "用户名或密码错误。";
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
