namespace Jixiao.Import.Tests;

/// <summary>The youngest generation is collected once its budget has been allocated since it last was.</summary>
public class YoungGenerationTests
{
    [Fact]
    public void AllocatingTheBudget_CollectsTheYoungestGeneration()
    {
        var young = new YoungGeneration(1024 * 1024);
        Assert.Equal(1024 * 1024, young.Budget);

        // Other tests allocate and collect in this process too, so the check is given several chances;
        // each time it collects, the runtime's count of such collections goes up.
        var collected = false;
        for (var round = 0; round < 50 && !collected; round++)
        {
            var before = GC.CollectionCount(0);
            for (var i = 0; i < 256; i++)
            {
                GC.KeepAlive(new byte[8 * 1024]);
            }

            Assert.True(young.Pending > 0);
            if (young.Check())
            {
                collected = true;
                Assert.True(GC.CollectionCount(0) > before);
            }
        }

        Assert.True(collected);
        Assert.True(young.Made >= 1);
    }

    [Fact]
    public void ABudgetOfNothing_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new YoungGeneration(0));
}
