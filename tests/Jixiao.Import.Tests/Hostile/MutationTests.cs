using System.Globalization;
using System.Text;
using Jixiao.Tests.Hostile;

namespace Jixiao.Import.Tests.Hostile;

/// <summary>
/// Mutation run: tables in text, CSV and xlsx (and the published seed table when <c>../shared</c> is
/// there) damaged at random — flipped bits, replaced, inserted and deleted bytes, NULs, cut and repeated
/// ranges — and read under the upload limits. No read may throw, and a single flipped byte in a text
/// table must keep at least 90 % of its projects. CI runs a seeded few hundred; the full run is
/// <c>JIXIAO_MUTATIONS=10000 dotnet test --project tests/Jixiao.Import.Tests --filter-class "*MutationTests"</c>
/// (<c>JIXIAO_MUTATION_SEED</c> picks another seed), which prints what it found.
/// </summary>
public class MutationTests
{
    private const int DefaultCount = 400;

    private sealed record Source(string Name, string FileName, byte[] Bytes, IReadOnlyList<string> Projects, bool IsText);

    private enum Kind
    {
        FlipBit,
        ReplaceByte,
        InsertByte,
        DeleteByte,
        Nul,
        DeleteRange,
        RepeatRange,
        Truncate,
    }

    private static List<Source> Sources()
    {
        var sources = new List<Source>();
        void Add(string name, string fileName, byte[] bytes, bool isText)
        {
            var read = TableReader.Read(bytes, fileName, ReadOptions.Upload).Document ?? throw new InvalidOperationException(name + " does not read");
            sources.Add(new Source(name, fileName, bytes, [.. read.Projects.Select(p => p.Name)], isText));
        }

        Add("text", "table.txt", Encoding.UTF8.GetBytes(HostileCorpus.Table()), true);
        Add("csv", "table.csv", Encoding.UTF8.GetBytes(HostileCorpus.Table(separator: ",")), true);
        Add("gbk", "gbk.txt", CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(HostileCorpus.Table()), true);
        Add("xlsx", "table.xlsx", HostileCorpus.TableWorkbook(), false);
        Add("docx", "form.docx", HostileCorpus.WordFormDocument(), false);
        // One project a form: a changed byte in its name or its grid costs the whole of it, so forms count for crashes only.
        Add("html", "form.html", Encoding.UTF8.GetBytes(HostileCorpus.HtmlForm()), false);
        if (TestPaths.SeedTable is { } seed)
        {
            Add("seed", "seed.txt", File.ReadAllBytes(seed), true);
        }

        return sources;
    }

    [Fact]
    public void Read_MutatedTables_NeverThrowAndOneFlippedByteKeepsNinetyPercent()
    {
        if (TestPaths.SeedTable is null)
        {
            TestContext.Current.SendDiagnosticMessage(TestPaths.SeedAbsent + " The mutation run uses the invented tables only.");
        }

        var count = int.TryParse(Environment.GetEnvironmentVariable("JIXIAO_MUTATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultCount;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JIXIAO_MUTATION_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20261130;
        var sources = Sources();
        var random = new Random(seed);
        var crashes = new List<string>();
        var flips = new List<(string Source, int At, double Kept)>();
        var refused = sources.ToDictionary(source => source.Name, _ => 0);
        for (var i = 0; i < count; i++)
        {
            var source = sources[i % sources.Count];
            var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
            var (bytes, at) = Mutate(source.Bytes, kind, random);
            ReadResult result;
            try
            {
                result = TableReader.Read(bytes, source.FileName, ReadOptions.Upload);
                HostileInputTests.AssertExplained(result, $"{source.Name} {kind} at {at}");
            }
            catch (Exception e)
            {
                crashes.Add($"{source.Name} {kind} at {at}: {e.GetType().Name} {e.Message}");
                continue;
            }

            refused[source.Name] += result.IsReadable ? 0 : 1;
            if (source.IsText && kind is Kind.FlipBit or Kind.ReplaceByte)
            {
                flips.Add((source.Name, at, Kept(source.Projects, result)));
            }
        }

        var poor = flips.Where(f => f.Kept < 0.9).ToList();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"{count} mutated tables (seed {seed}): {crashes.Count} crashes; refused whole: {string.Join(", ", refused.Select(r => $"{r.Key} {r.Value}"))}; "
            + $"{flips.Count} single-byte changes in text tables kept {(flips.Count == 0 ? 1 : flips.Average(f => f.Kept)):P1} of the projects on average, "
            + $"{poor.Count} kept less than 90 %");
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
        Assert.True(crashes.Count == 0, string.Join("\n", crashes.Take(20)));
        Assert.True(poor.Count == 0, report + "\n" + string.Join("\n", poor.Take(20).Select(p => $"{p.Source} at byte {p.At}: kept {p.Kept:P0}")));
    }

    /// <summary>The share of the table's projects read back under their own name.</summary>
    private static double Kept(IReadOnlyList<string> projects, ReadResult result)
    {
        if (result.Document is null)
        {
            return 0;
        }

        var read = result.Document.Projects.Select(p => p.Name).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var kept = 0;
        foreach (var name in projects)
        {
            if (read.TryGetValue(name, out var left) && left > 0)
            {
                kept++;
                read[name] = left - 1;
            }
        }

        return (double)kept / projects.Count;
    }

    private static (byte[] Bytes, int At) Mutate(byte[] original, Kind kind, Random random)
    {
        var at = random.Next(original.Length);
        var bytes = new List<byte>(original);
        switch (kind)
        {
            case Kind.FlipBit:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case Kind.ReplaceByte:
                bytes[at] = (byte)random.Next(256);
                break;
            case Kind.InsertByte:
                bytes.Insert(at, (byte)random.Next(256));
                break;
            case Kind.DeleteByte:
                bytes.RemoveAt(at);
                break;
            case Kind.Nul:
                bytes[at] = 0;
                break;
            case Kind.DeleteRange:
                bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                break;
            case Kind.RepeatRange:
                var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            case Kind.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
        }

        return ([.. bytes], at);
    }
}
