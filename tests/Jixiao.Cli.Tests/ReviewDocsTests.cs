using Jixiao.Domain.Review;
using Jixiao.Contracts;
using Jixiao.Export.Review;
using Jixiao.Import.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>docs/review-rules.md carries the catalogue as `jixiao rules` prints it; re-bless with JIXIAO_BLESS=1.</summary>
public class ReviewDocsTests
{
    [Fact]
    public void ReviewRulesDoc_CarriesTheCatalogueAsGenerated()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "review-rules.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = doc.IndexOf(RulesMarkdown.Begin, StringComparison.Ordinal);
        Assert.True(begin >= 0, "docs/review-rules.md has no generated rules section");
        var generated = RulesMarkdown.Render(ReviewSettings.National);
        if (Environment.GetEnvironmentVariable("JIXIAO_BLESS") == "1")
        {
            File.WriteAllText(path, doc[..begin] + generated);
            doc = File.ReadAllText(path);
        }

        Assert.Equal(generated, doc[begin..]);
    }

    [Fact]
    public void RulesCommand_PrintsTheSameCatalogue()
    {
        var outcome = CliRunner.Run("rules");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(RulesMarkdown.Render(ReviewSettings.National), outcome.Stdout);
        foreach (var rule in ReviewRules.All)
        {
            Assert.Contains($"### `{rule.Code}` {rule.Title}", outcome.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RulesCommand_ShowsSeveritiesOfTheGivenRulesFile()
    {
        var rules = Path.Combine(Path.GetTempPath(), $"jixiao-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(rules, """{ "severities": { "IND-YESNO": "off" } }""");
        try
        {
            var outcome = CliRunner.Run("rules", "--rules", rules);
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("| `IND-YESNO` | 量化 | off（关闭） |", outcome.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(rules);
        }
    }
}
