using System.Text;
using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Review;
using Jixiao.Import;

namespace Jixiao.Benchmarks;

/// <summary>The review of one generated document already read (all rules, copy detection, scores; one thread).</summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private TargetDocument? _document;

    [Params(100_000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup() => _document = TableReader.Read(Encoding.UTF8.GetBytes(DocumentGenerator.Generate(Projects)), "bench.txt").Document;

    [Benchmark]
    public int ReviewDocument() => Reviewer.Review([_document!], ReviewSettings.National).Findings.Count;
}
