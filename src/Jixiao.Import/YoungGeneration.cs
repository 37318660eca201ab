namespace Jixiao.Import;

/// <summary>
/// Keeps the youngest generation of the heap (where new objects go) small. The runtime sizes it from the
/// processor's largest cache, which some machines report as hundreds of megabytes, and lets it fill
/// before collecting; in work where nearly everything allocated is dropped at once (a table streamed
/// through, requests served) that generation is then most of the process's memory. The runtime reads its
/// own setting for this (<c>DOTNET_GCgen0size</c>) only from the environment, so a process that cannot
/// count on it calls <see cref="Check"/> as it works: once <see cref="Budget"/> bytes have been allocated
/// (by the whole process) since the last collection of that generation, it is collected. Collections the
/// runtime makes on its own count, so with the setting in place this never collects.
/// </summary>
public sealed class YoungGeneration
{
    private readonly long _budget;
    private long _mark = GC.GetTotalAllocatedBytes();
    private int _collections = GC.CollectionCount(0);

    /// <param name="budgetBytes">The most allocated between collections (16 MB when not given).</param>
    public YoungGeneration(long budgetBytes = 16L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        _budget = budgetBytes;
    }

    /// <summary>The most bytes allocated between two collections of the youngest generation.</summary>
    public long Budget => _budget;

    /// <summary>How many collections <see cref="Check"/> has made.</summary>
    public int Made { get; private set; }

    /// <summary>Bytes allocated since the youngest generation was last collected (as far as this has seen).</summary>
    public long Pending => GC.GetTotalAllocatedBytes() - _mark;

    /// <summary>Collects the youngest generation when the budget has been allocated since it last was; true when it did.</summary>
    public bool Check()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        if (collections != _collections)
        {
            // Collected since the last look (by the runtime, or by another check): count from now.
            _collections = collections;
            _mark = allocated;
            return false;
        }

        if (allocated - _mark < _budget)
        {
            return false;
        }

        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        Made++;
        _mark = allocated;
        _collections = GC.CollectionCount(0);
        return true;
    }
}
