using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Export.Documents;
using Jixiao.Import;
using Jixiao.Import.Tests;

namespace Jixiao.Export.Tests;

/// <summary>
/// A document read from forms, exported to Excel, is written as forms and reads back to the same document:
/// attributes, execution, actuals and scores, per-region values, task lists and allocations included.
/// </summary>
public class FormsXlsxTests
{
    public static TheoryData<string> Specs() =>
        ["project-form.spec", "self-evaluation.spec", "self-evaluation-national.spec", "department-wide.spec", "transfer.spec", "transfer-national.spec", "damaged-glued.spec"];

    [Theory]
    [MemberData(nameof(Specs))]
    public void FormsExported_ReadBackToTheSameDocument(string spec)
    {
        var read = TableReader.Read(Encoding.UTF8.GetBytes(TestPaths.GoldenInput(spec)), "form.txt");
        Assert.NotNull(read.Document);
        using var xlsx = new MemoryStream();
        DocumentXlsx.Write(xlsx, read.Document);
        var back = TableReader.Read(xlsx.ToArray(), "form.xlsx");

        Assert.Equal(read.Document.Kind, back.Document?.Kind);
        Assert.Equal(Comparable(GoldenDump.Render(read)), Comparable(GoldenDump.Render(back)));
    }

    /// <summary>
    /// The dump without what an export may change: how and where it was read (format, lines, diagnostics,
    /// confidence), a level 2 inferred becoming written, and the 实施单位 the export writes from the table's unit.
    /// </summary>
    private static string Comparable(string dump) => string.Join('\n', dump.Split('\n')
        .Where(l => !l.StartsWith("diag ", StringComparison.Ordinal))
        .Select(l => l.StartsWith("form ", StringComparison.Ordinal) ? l[..l.IndexOf(" confidence", StringComparison.Ordinal)] : l)
        .Select(l => l.Contains(" format ", StringComparison.Ordinal) ? l[..l.IndexOf(" format ", StringComparison.Ordinal)] : l)
        .Select(l => Regex.Replace(l, @" \(r\d+\)$", ""))
        .Select(l => l.Replace("* \"", " \"", StringComparison.Ordinal))
        .Where(l => !l.StartsWith("  attributes ", StringComparison.Ordinal)));
}
