using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Tests;

/// <summary>What a user reads in an xlsx the app wrote: its sheets' names, cell values and shared strings (formulas left out).</summary>
internal static partial class Workbooks
{
    [GeneratedRegex("<f>[^<]*</f>")]
    private static partial Regex Formula();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>True when <paramref name="bytes"/> start like a zip (an xlsx).</summary>
    public static bool IsWorkbook(byte[] bytes) => bytes.Length > 2 && bytes[0] == 'P' && bytes[1] == 'K';

    /// <summary>The text of the workbook in <paramref name="bytes"/>; fails the test when it is not one.</summary>
    public static string Text(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)
            || e.FullName is "xl/sharedStrings.xml" or "xl/workbook.xml"))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(WebUtility.HtmlDecode(Tag().Replace(Formula().Replace(reader.ReadToEnd(), " "), " "))).Append('\n');
        }

        return text.ToString();
    }
}
