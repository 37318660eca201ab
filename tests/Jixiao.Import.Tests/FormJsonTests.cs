using System.Text;
using Jixiao.Contracts;

namespace Jixiao.Import.Tests;

/// <summary>
/// What a form adds (kind, year, task list, allocations, execution, actuals and scores, per-region values)
/// survives the JSON the CLI prints and the API serves: written and read back, the document is the same.
/// </summary>
public class FormJsonTests
{
    public static TheoryData<string> FormSpecs() => ["self-evaluation.spec", "department-wide.spec", "transfer.spec", "project-form.spec"];

    [Theory]
    [MemberData(nameof(FormSpecs))]
    public void FormJson_ReadBack_IsTheSameDocument(string spec)
    {
        var read = TableReader.Read(Encoding.UTF8.GetBytes(TestPaths.GoldenInput(spec)), "form.txt");
        Assert.NotNull(read.Document);
        var json = DocumentJson.Serialize(read.ToJson());
        var back = TableReader.Read(Encoding.UTF8.GetBytes(json), "form.json");

        Assert.Equal(DocumentOnly(GoldenDump.Render(read)), DocumentOnly(GoldenDump.Render(back)));
    }

    [Fact]
    public void SelfEvaluationJson_NamesTheNewFields()
    {
        var json = DocumentJson.Serialize(TableReader.Read(Encoding.UTF8.GetBytes(TestPaths.GoldenInput("self-evaluation.spec")), "form.txt").ToJson());

        Assert.Contains("\"form\": \"selfEvaluation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"year\": 2024", json, StringComparison.Ordinal);
        Assert.Contains("\"executed\": 74.1", json, StringComparison.Ordinal);
        Assert.Contains("\"actual\": \"85%\"", json, StringComparison.Ordinal);
        Assert.Contains("\"deviation\": \"汛期垃圾量大，下年增加临时人员\"", json, StringComparison.Ordinal);
    }

    /// <summary>The dump without the lines that say how it was read (format, diagnostics, source lines).</summary>
    private static string DocumentOnly(string dump) => string.Join('\n', dump.Split('\n')
        .Where(l => !l.StartsWith("diag ", StringComparison.Ordinal) && !l.StartsWith("form ", StringComparison.Ordinal))
        .Select(l => l.Contains(" format ", StringComparison.Ordinal) ? l[..l.IndexOf(" format ", StringComparison.Ordinal)] : l)
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @" \(r\d+\)$", "")));
}
