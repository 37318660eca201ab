using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;
using Jixiao.Tests.Hostile;

namespace Jixiao.Import.Tests.Hostile;

/// <summary>
/// The reader on the hostile corpus, under the web application's upload limits and under the command
/// line's: no exception, no hang, a document or a Chinese reason, and the outcome each file calls for.
/// </summary>
public partial class HostileInputTests
{
    public static TheoryData<string> Cases() => HostileCorpus.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HostileFile_UnderUploadLimits_ComesToWhatItShould(string name)
    {
        var item = HostileCorpus.Named(name);
        var result = TableReader.Read(item.Build(), item.FileName, ReadOptions.Upload);
        AssertOutcome(item, result);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HostileFile_UnderCommandLineLimits_NeverThrowsAndExplains(string name)
    {
        var item = HostileCorpus.Named(name);
        var result = TableReader.Read(item.Build(), item.FileName);
        AssertExplained(result);
        if (item.Expect == HostileExpectation.Read)
        {
            Assert.True(result.Document!.Projects.Count >= item.MinProjects, $"{name}: {result.Document.Projects.Count} projects read");
        }
    }

    [Fact]
    public void Read_TruncatedAtEveryPercent_NeverThrowsAndTextKeepsWhatCameBefore()
    {
        foreach (var (name, fileName, bytes) in HostileCorpus.Truncations())
        {
            var result = TableReader.Read(bytes, fileName, ReadOptions.Upload);
            AssertExplained(result, name);
            if (fileName.EndsWith(".txt", StringComparison.Ordinal) && bytes.Length > 400)
            {
                // Past the header, a cut text keeps every whole row before the cut.
                var rowsBefore = System.Text.Encoding.UTF8.GetString(bytes).Count(c => c == '\n') - 8;
                Assert.True(result.Document!.Projects.Count >= rowsBefore - 1, $"{name}: {result.Document.Projects.Count} projects for {rowsBefore} whole rows");
            }
            else if (fileName.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                // A workbook cut anywhere has lost its ZIP directory: refused as damaged, never half read.
                Assert.False(result.IsReadable, name);
            }
        }
    }

    [Fact]
    public void Read_DeepSheet_NamesTheNestingLimit()
    {
        var item = HostileCorpus.Named("deep-xml-sheet");
        var fatal = TableReader.Read(item.Build(), item.FileName, ReadOptions.Upload).FatalError!;
        Assert.Equal("READ-LIMIT", fatal.Code);
        Assert.Contains("嵌套", fatal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("XML", fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipBomb_NamesTheCompressionLimit()
    {
        var item = HostileCorpus.Named("zip-bomb");
        var fatal = TableReader.Read(item.Build(), item.FileName, ReadOptions.Upload).FatalError!;
        Assert.Contains("压缩", fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadByteNearTheEnd_CostsOnlyItsLine()
    {
        var item = HostileCorpus.Named("bad-byte-near-end");
        var result = TableReader.Read(item.Build(), item.FileName);
        var bad = Assert.Single(result.Diagnostics, d => d.Code == "TEXT-BAD-BYTES");
        Assert.Equal(HostileCorpus.Table().Count(c => c == '\n'), bad.Location.Line);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "FILE-ENCODING");
        Assert.Equal(HostileCorpus.TableProjects, result.Document!.Projects.Count);
        Assert.Equal("云岭县民政服务中心", result.Document.Unit.Name);
    }

    [Fact]
    public void Read_TruncatedLastCharacter_DropsOnlyThatCharacter()
    {
        var item = HostileCorpus.Named("truncated-last-character");
        var result = TableReader.Read(item.Build(), item.FileName);
        Assert.Contains(result.Diagnostics, d => d.Code == "FILE-TRUNCATED");
        var last = result.Document!.Projects[^1].Indicators[^1];
        Assert.DoesNotContain('\uFFFD', last.TargetText);
        Assert.Equal(HostileCorpus.TableProjects, result.Document.Projects.Count);
    }

    [Fact]
    public void Read_MixedEncodings_ReadsEachLineInItsOwn()
    {
        var item = HostileCorpus.Named("mixed-encodings");
        var result = TableReader.Read(item.Build(), item.FileName);
        Assert.Contains(result.Diagnostics, d => d.Code == "TEXT-LINE-ENCODING");
        Assert.All(result.Document!.Projects, p => Assert.StartsWith("第", p.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Document.Projects.SelectMany(p => p.Indicators), i => i.Name.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NulInACell_IsRemovedAndReported()
    {
        var item = HostileCorpus.Named("nul-in-cells");
        var result = TableReader.Read(item.Build(), item.FileName);
        Assert.Contains(result.Diagnostics, d => d.Code == "TEXT-CONTROL-CHARS");
        Assert.Contains(result.Document!.Projects.SelectMany(p => p.Indicators), i => i.TargetText == "24台");
    }

    private static void AssertOutcome(HostileCase item, ReadResult result)
    {
        AssertExplained(result, item.Name);
        switch (item.Expect)
        {
            case HostileExpectation.Refused:
                Assert.False(result.IsReadable, $"{item.Name} was read");
                Assert.Contains(result.FatalError!.Code, item.Codes);
                break;
            case HostileExpectation.Read:
                Assert.True(result.IsReadable, $"{item.Name}: {result.FatalError?.Message}");
                Assert.True(result.Document!.Projects.Count >= item.MinProjects, $"{item.Name}: {result.Document.Projects.Count} projects read");
                break;
            case HostileExpectation.Either:
                break;
        }
    }

    /// <summary>A document, or a fatal error in Chinese that names no exception, type or source file of ours.</summary>
    internal static void AssertExplained(ReadResult result, string? name = null)
    {
        if (result.IsReadable)
        {
            return;
        }

        var fatal = result.FatalError;
        Assert.True(fatal is not null, $"{name}: no document and no reason");
        Assert.Equal(Severity.Error, fatal!.Severity);
        Assert.Matches(Chinese(), fatal.Message);
        Assert.DoesNotMatch(Internal(), fatal.Message);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"Exception|System\.|\.cs\b|\bat [A-Z]|Jixiao\.")]
    private static partial Regex Internal();
}
