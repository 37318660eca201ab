using Jixiao.Data;
using Jixiao.Web.Features.Users;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Admin;

/// <summary>Users: list, create with a one-time password, reset a password (administrators only).</summary>
[Access(Access.Admin)]
public sealed class UsersModel(AccountService accounts) : PageModel
{
    public IReadOnlyList<UserDto> Users { get; private set; } = [];

    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string NewUserName { get; set; } = "";

    [BindProperty]
    public string? NewDisplayName { get; set; }

    [BindProperty]
    public string NewRole { get; set; } = JixiaoRoles.UnitOfficer;

    [BindProperty]
    public List<int> NewUnits { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await accounts.CreateUserAsync(NewUserName ?? "", NewDisplayName ?? "", NewRole ?? "", NewUnits);
            Message = $"已创建用户「{created.User.UserName}」，一次性密码：{created.Password}（首次登录后须修改）";
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            Message = $"新的一次性密码：{await accounts.ResetPasswordAsync(userId)}（首次登录后须修改）";
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The account to change (the change form reuses the new-user fields for role and units).</summary>
    [BindProperty]
    public string? ChangeUserId { get; set; }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await accounts.UpdateUserAsync(ChangeUserId ?? "", NewRole ?? "", NewUnits);
            Message = "已修改：该用户须重新登录，新的角色和单位即刻生效。";
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(string userId, bool active, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.SetActiveAsync(userId, active);
            Message = active ? "已启用。" : "已停用：该用户的会话和令牌即刻失效。";
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await accounts.UsersAsync(cancellationToken);
        Units = await accounts.UnitsAsync(cancellationToken);
    }
}
