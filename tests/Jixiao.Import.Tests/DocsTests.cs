using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Tests;

public class DocsTests
{
    [Fact]
    public void ReadingTablesDoc_ListsEveryDiagnosticCodeWithItsSeverity()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "reading-tables.md"));
        foreach (var descriptor in Messages.All)
        {
            var severity = descriptor.Severity.ToString().ToLowerInvariant();
            Assert.Contains($"| `{descriptor.Code}` | {severity} |", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Catalogue_CodesAreUniqueAndMessagesChinese()
    {
        Assert.Equal(Messages.All.Count, Messages.All.Select(d => d.Code).Distinct().Count());
        Assert.All(Messages.All, d => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", d.Template));
    }
}
