
namespace Jixiao.Web.Features.Admin;

/// <summary>Users: list, create with a one-time password, reset a password (administrators only).</summary>
[Access(Access.Admin)]
public sealed class UsersModel(AdminService accounts) : PageModel
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

    [Access(Access.Admin)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await accounts.CreateUserAsync(NewUserName ?? "", NewDisplayName ?? "", NewRole ?? "", NewUnits),
            created => $"已创建用户「{created.User.UserName}」，一次性密码：{created.Password}（首次登录后须修改）", cancellationToken);

    [Access(Access.Admin)]
    public async Task<IActionResult> OnPostResetAsync(string userId, CancellationToken cancellationToken) =>
        await ShowAsync(await accounts.ResetPasswordAsync(userId), password => $"新的一次性密码：{password}（首次登录后须修改）", cancellationToken);

    /// <summary>The account to change (the change form reuses the new-user fields for role and units).</summary>
    [BindProperty]
    public string? ChangeUserId { get; set; }

    [Access(Access.Admin)]
    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await accounts.UpdateUserAsync(ChangeUserId ?? "", NewRole ?? "", NewUnits), _ => "已修改：该用户须重新登录，新的角色和单位即刻生效。", cancellationToken);

    [Access(Access.Admin)]
    public async Task<IActionResult> OnPostActiveAsync(string userId, bool active, CancellationToken cancellationToken) =>
        await ShowAsync(await accounts.SetActiveAsync(userId, active), _ => active ? "已启用。" : "已停用：该用户的会话和令牌即刻失效。", cancellationToken);

    /// <summary>The page again, with what was done or why not; an account that is not there is reported on the page like any other mistake.</summary>
    private async Task<IActionResult> ShowAsync<T>(Outcome<T> outcome, Func<T, string> done, CancellationToken cancellationToken)
    {
        if (outcome.IsDone)
        {
            Message = done(outcome.Value!);
        }
        else
        {
            Error = outcome.Message;
        }

        await LoadAsync(cancellationToken);
        return outcome.Kind == OutcomeKind.NotFound ? Page() : outcome.ToPage(this, _ => Page(), _ => Page(), showRefusal: true);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await accounts.UsersAsync(cancellationToken);
        Units = await accounts.UnitsAsync(cancellationToken);
    }
}
