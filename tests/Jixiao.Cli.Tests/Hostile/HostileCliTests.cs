using System.Diagnostics;
using System.Text.RegularExpressions;
using Jixiao.Tests.Hostile;

namespace Jixiao.Cli.Tests.Hostile;

/// <summary>
/// The hostile corpus through <c>jixiao parse</c>: in-process for every file and every truncation, and as a
/// real process for the files that once killed it, so that a crash (a stack overflow cannot be caught) would
/// show as its exit code.
/// </summary>
public partial class HostileCliTests
{
    public static TheoryData<string> Cases() => HostileCorpus.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_HostileFile_ExitsCleanlyWithAChineseReason(string name)
    {
        var item = HostileCorpus.Named(name);
        using var file = new TempFile(item.FileName, item.Build());
        AssertClean(name, CliRunner.Run("parse", file.Path, "--format", "json"));
    }

    [Fact]
    public void Parse_TruncatedAtEveryPercent_ExitsCleanly()
    {
        foreach (var (name, fileName, bytes) in HostileCorpus.Truncations())
        {
            using var file = new TempFile(fileName, bytes);
            AssertClean(name, CliRunner.Run("parse", file.Path));
        }
    }

    [Theory]
    [InlineData("deep-xml-sheet")]
    [InlineData("deep-xml-workbook")]
    [InlineData("zip-bomb")]
    [InlineData("entity-bomb")]
    public async Task Parse_FileThatOnceKilledTheProcess_ExitsWithTwoAndSaysWhy(string name)
    {
        var item = HostileCorpus.Named(name);
        using var file = new TempFile(item.FileName, item.Build());
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "jixiao.dll"), "parse", file.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(CliApp.Unreadable, process.ExitCode);
        Assert.Matches(Chinese(), stderr);
        Assert.DoesNotMatch(Internal(), stderr + await stdout);
    }

    private static void AssertClean(string name, CliOutcome outcome)
    {
        Assert.True(outcome.ExitCode is CliApp.Ok or CliApp.Unreadable, $"{name}: exit {outcome.ExitCode}");
        if (outcome.ExitCode == CliApp.Unreadable)
        {
            Assert.Matches(Chinese(), outcome.Stderr);
        }

        Assert.DoesNotMatch(Internal(), outcome.Stderr);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"Exception|\bat [A-Z][\w.]+\(|Stack overflow|Jixiao\.[A-Z]")]
    private static partial Regex Internal();

    /// <summary>A file under its own temporary folder, named as given, removed on dispose.</summary>
    private sealed class TempFile : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("jixiao-hostile-").FullName;

        public TempFile(string name, byte[] bytes)
        {
            Path = System.IO.Path.Combine(_folder, name);
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
