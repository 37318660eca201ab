using System.Runtime;

namespace Jixiao.Web.Features.Documents;

/// <summary>
/// Gives back to the system the memory uploads left behind: once uploads have finished and none has been
/// running for a few seconds, one full, compacting collection returns the freed heap (an upload reads,
/// reviews and stores a whole table, and the collector otherwise keeps what it grew to). Nothing runs while
/// uploads keep coming, and nothing when there were none.
/// </summary>
public sealed class MemoryAfterImports(ImportGate gate, ILogger<MemoryAfterImports> logger) : BackgroundService
{
    /// <summary>How long no upload must have run before the memory is given back.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var trimmedAfter = gate.Finished;
        var seen = trimmedAfter;
        var quietSince = DateTime.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var finished = gate.Finished;
            if (finished != seen || !gate.Idle)
            {
                seen = finished;
                quietSince = DateTime.UtcNow;
                continue;
            }

            if (finished != trimmedAfter && DateTime.UtcNow - quietSince >= Quiet)
            {
                trimmedAfter = finished;
                var before = Environment.WorkingSet;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                logger.LogDebug("Memory after uploads: {Before} → {After} bytes", before, Environment.WorkingSet);
            }
        }
    }
}
