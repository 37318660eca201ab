using Jixiao.Import;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// Keeps the heap's youngest generation at <c>Jixiao:Memory:YoungGenerationMB</c> (16 unless set; 0 turns
/// it off) whatever the processor reports, as <see cref="YoungGeneration"/> explains: requests allocate on
/// many threads, so it looks every 10 ms while the server allocates and four times a second while it is
/// quiet. With <c>DOTNET_GCgen0size</c> set to the same size the runtime collects first and this never does.
/// </summary>
public sealed class YoungGenerationKeeper(IConfiguration configuration) : BackgroundService
{
    private static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    /// <summary>Allocating more than this between two looks counts as busy.</summary>
    private const long BusyBytes = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var megabytes = configuration.GetValue("Jixiao:Memory:YoungGenerationMB", 16);
        if (megabytes <= 0)
        {
            return;
        }

        var young = new YoungGeneration(megabytes * 1024L * 1024);
        var seen = GC.GetTotalAllocatedBytes();
        while (!stoppingToken.IsCancellationRequested)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var interval = allocated - seen > BusyBytes ? Busy : Quiet;
            seen = allocated;
            young.Check();
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
