namespace Jixiao.Web.Features.Admin;

/// <summary>The audit trail, newest first: changes and refused requests (administrators only).</summary>
[Access(Access.Admin)]
public sealed class AuditModel(AdminService accounts) : PageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<AuditDto> Lines { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(PageNumber, 1);
        Lines = await accounts.AuditAsync(Kind, PageNumber, PageSize, cancellationToken);
    }
}
