namespace Jixiao.Web.Features.Monitoring;

/// <summary>The 项目支出绩效运行监控表 of a project and window for printing (A4 landscape).</summary>
[Access(Access.Read)]
public sealed class PrintModel(MonitoringService service) : PageModel
{
    public MonitoringView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int month, CancellationToken cancellationToken)
    {
        if (month is < 1 or > 12 || await service.LoadAsync(id, month, cancellationToken) is not { Result: not null } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
