using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace Jixiao.Import.Tests;

/// <summary>
/// Arbitrary and mutated bytes under every extension the reader is given — every kind of file people
/// have, and the refused ones — never throw, never hang, and stay within a memory bound: the committed
/// fixtures of every form and file kind, with bytes overwritten, cut short or spliced, read under their
/// own extension, under another one and under none. A hang is caught by a watchdog far above any read's
/// limit; memory is what the reading thread allocated (the .xls and .pdf workers have their own limits).
/// </summary>
public class EveryKindPropertyTests
{
    private static readonly string[] Extensions =
        [".txt", ".tsv", ".csv", ".xlsx", ".xlsm", ".xls", ".docx", ".pdf", ".html", ".htm", ".json", ".doc", ".wps", ".et", ""];

    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(120);

    private const long MaxAllocatedBytes = 1024L * 1024 * 1024;

    private static readonly ReadOptions Options = ReadOptions.Default with { MaxTime = TimeSpan.FromSeconds(20) };

    private static readonly string[] Sources =
    [
        "forms.html", "forms.xls", "forms.xlsx", "forms.docx", "forms.pdf",
        "self-evaluation.xlsx", "transfer.docx", "prose.pdf", "department-wide.xls", "summary.html",
    ];

    private static bool ReadsWithinBounds(byte[] bytes, string extension)
    {
        long allocated = 0;
        ReadResult? result = null;
        var reading = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            result = TableReader.Read(bytes, "fuzz" + extension, Options);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        if (!reading.Wait(Watchdog))
        {
            throw new TimeoutException($"reading {bytes.Length} bytes as '{extension}' did not finish within {Watchdog.TotalSeconds} s");
        }

        return allocated < MaxAllocatedBytes && result is not null && (result.IsReadable || result.FatalError is not null);
    }

    [Fact]
    public void ArbitraryBytes_UnderEveryExtension_AreReadOrRefusedWithAReason() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>(),
            Gen.Elements(Extensions.Where(e => e is not (".xls" or ".pdf")).ToArray()).ToArbitrary(),
            ReadsWithinBounds).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void ArbitraryBytes_NamedXlsOrPdf_AreRefusedWithAReason() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), Gen.Elements(".xls", ".pdf").ToArbitrary(), ReadsWithinBounds)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(12));

    [Fact]
    public void MutatedFixtures_OfEveryKind_UnderEveryExtension_AreReadOrRefusedWithAReason()
    {
        var files = Sources.Select(f => File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Fixtures", f))).ToArray();
        var mutation =
            from file in Gen.Choose(0, files.Length - 1)
            from kind in Gen.Choose(0, 2)
            from at in Gen.Choose(0, 1_000_000)
            from length in Gen.Choose(1, 64)
            from value in Gen.Choose(0, 255)
            from extension in Gen.Elements(Extensions)
            select (file, kind, at, length, value, extension);
        var cases = 0;
        Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            cases++;
            var source = files[m.file];
            var at = m.at % source.Length;
            var bytes = m.kind switch
            {
                0 => Overwrite(source, at, m.length, (byte)m.value),
                1 => source[..at],
                _ => [.. source[..at], .. source[Math.Min(source.Length, at + m.length)..], .. source[..Math.Min(m.length * 16, source.Length)]],
            };
            var own = Path.GetExtension(Sources[m.file]);
            return ReadsWithinBounds(bytes, own) && ReadsWithinBounds(bytes, m.extension);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
        Console.WriteLine($"{cases} mutated fixtures read under their own and another extension within bounds");
    }

    private static byte[] Overwrite(byte[] source, int at, int length, byte value)
    {
        var bytes = (byte[])source.Clone();
        for (var i = at; i < Math.Min(bytes.Length, at + length); i++)
        {
            bytes[i] = value;
        }

        return bytes;
    }
}
