namespace Jixiao.Web.Features.Monitoring;

/// <summary>The monitoring overview: each project's latest report, red first, then yellow, then green.</summary>
[Access(Access.Read)]
public sealed class IndexModel(MonitoringService monitoring) : PageModel
{
    public IReadOnlyList<LatestReport> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await monitoring.LatestAsync(cancellationToken);

    public static string Light(string light) => light switch
    {
        "red" => "红灯",
        "yellow" => "黄灯",
        _ => "绿灯",
    };
}
