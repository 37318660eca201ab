using Jixiao.Domain.Documents;

namespace Jixiao.Import.Tests;

/// <summary>
/// Every form is recognised in every file kind it comes in: the fixture pages under <c>Fixtures/</c>,
/// converted by LibreOffice (make-fixtures.sh), read as what they are. The golden specs check the whole
/// reading; this says in one place which form each file must be taken for.
/// </summary>
public class FormKindsTests
{
    public static TheoryData<string, string, DocumentKind, int> Files()
    {
        var data = new TheoryData<string, string, DocumentKind, int>();
        var pages = new (string Page, DocumentKind Kind, int Indicators)[]
        {
            ("summary", DocumentKind.Summary, 0),
            ("forms", DocumentKind.ProjectForms, 9),
            ("indicator-rows", DocumentKind.Summary, 7),
            ("department-wide", DocumentKind.DepartmentWide, 5),
            ("self-evaluation", DocumentKind.SelfEvaluation, 5),
            ("transfer", DocumentKind.Transfer, 4),
            ("prose", DocumentKind.Prose, 7),
        };
        foreach (var (page, kind, indicators) in pages)
        {
            foreach (var extension in new[] { "html", "xls", "xlsx", "docx", "pdf" })
            {
                data.Add(page, extension, kind, indicators);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_IsReadAsItsForm(string page, string extension, DocumentKind kind, int indicators)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Fixtures", page + "." + extension);
        var result = TableReader.ReadFile(path);

        Assert.NotNull(result.Document);
        Assert.Equal(kind, result.Document.Kind);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Domain.Diagnostics.Severity.Error);
        if (kind == DocumentKind.Summary && indicators > 0)
        {
            Assert.Equal(indicators, result.Document.IndicatorCount);
        }

        if (indicators > 0 && kind != DocumentKind.Summary)
        {
            Assert.Equal(indicators, result.Document.IndicatorCount);
            Assert.True(result.Confidence >= 0.9m, $"confidence {result.Confidence}");
        }
    }
}
