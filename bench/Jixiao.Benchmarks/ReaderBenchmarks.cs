using System.Text;
using BenchmarkDotNet.Attributes;
using Jixiao.Import;

namespace Jixiao.Benchmarks;

/// <summary>Reader + target grammar on one generated document in the published layout (one thread), kept whole or handed on one project at a time.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _content = [];

    [Params(100_000)]
    public int Projects { get; set; }

    public long Bytes => _content.LongLength;

    [GlobalSetup]
    public void Setup() => _content = Encoding.UTF8.GetBytes(DocumentGenerator.Generate(Projects));

    [Benchmark]
    public int ReadDocument()
    {
        var result = TableReader.Read(_content, "bench.txt");
        return result.Document!.Projects.Count;
    }

    /// <summary>The same read with each project handed on and dropped, as <c>parse</c> reads a large table.</summary>
    [Benchmark]
    public int ReadOneProjectAtATime()
    {
        var count = 0;
        var result = TableReader.Read(_content, "bench.txt", null, _ => count++);
        return result.IsReadable ? count : -1;
    }
}
