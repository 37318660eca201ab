using System.Text;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Text;

namespace Jixiao.Export.Documents;

/// <summary>
/// A document as CSV in the published layout (RFC 4180 quoting), which the CSV reader reads back. Every
/// cell goes through <see cref="CsvCells.Protect"/>, so a goal or target typed as <c>=HYPERLINK(…)</c>
/// opens in a spreadsheet as text, never as a formula.
/// </summary>
public static class DocumentCsv
{
    /// <summary>The CSV text: header lines, header row, summary row, one row per project.</summary>
    public static string Write(TargetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var csv = new StringBuilder();
        foreach (var line in PublishedLayout.HeaderLines(document))
        {
            Row(csv, [line]);
        }

        Row(csv, PublishedLayout.Header);
        if (PublishedLayout.SummaryRow(document) is { } summary)
        {
            Row(csv, summary);
        }

        foreach (var project in document.Projects)
        {
            Row(csv, PublishedLayout.ProjectRow(project, document.AmountUnit));
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var cell = CsvCells.Protect(cells[i]);
            if (cell.AsSpan().IndexOfAny(",\"\r\n\t") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append("\r\n");
    }
}
