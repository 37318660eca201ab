using System.IO.Compression;
using System.Security;
using System.Text;

namespace Jixiao.Import.Tests;

/// <summary>
/// Writes small Word documents for tests, as Word does: paragraphs and tables in order. In a table row, a
/// cell <c>"text|span=3"</c> spans three grid columns, <c>"text|restart"</c> starts a vertical merge and
/// <c>"|continue"</c> continues it; a cell holding a <see cref="DocxTable"/> nests it.
/// </summary>
internal static class DocxBuilder
{
    public static byte[] Build(IEnumerable<object> blocks)
    {
        var body = new StringBuilder();
        foreach (var block in blocks)
        {
            body.Append(block switch
            {
                string paragraph => Paragraph(paragraph),
                DocxTable table => Table(table),
                _ => throw new ArgumentException("A block is a paragraph (string) or a DocxTable."),
            });
        }

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }

            Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Part("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr/></w:body></w:document>");
        }

        return stream.ToArray();
    }

    private static string Paragraph(string text) =>
        "<w:p><w:r><w:t xml:space=\"preserve\">" + string.Join("</w:t><w:tab/><w:t xml:space=\"preserve\">", text.Split('\t').Select(SecurityElement.Escape)) + "</w:t></w:r></w:p>";

    private static string Table(DocxTable table)
    {
        var xml = new StringBuilder("<w:tbl><w:tblPr/><w:tblGrid/>");
        foreach (var row in table.Rows)
        {
            xml.Append("<w:tr>");
            foreach (var cell in row)
            {
                xml.Append("<w:tc><w:tcPr>");
                if (cell is DocxTable)
                {
                    xml.Append("</w:tcPr>").Append(Table((DocxTable)cell)).Append("<w:p/></w:tc>");
                    continue;
                }

                var parts = ((string)cell).Split('|');
                foreach (var option in parts.Skip(1))
                {
                    xml.Append(option switch
                    {
                        "restart" => "<w:vMerge w:val=\"restart\"/>",
                        "continue" => "<w:vMerge/>",
                        _ when option.StartsWith("span=", StringComparison.Ordinal) => $"<w:gridSpan w:val=\"{option[5..]}\"/>",
                        _ => "",
                    });
                }

                xml.Append("</w:tcPr>");
                foreach (var line in parts[0].Split('\n'))
                {
                    xml.Append(Paragraph(line));
                }

                xml.Append("</w:tc>");
            }

            xml.Append("</w:tr>");
        }

        return xml.Append("</w:tbl>").ToString();
    }
}

/// <summary>A Word table for <see cref="DocxBuilder"/>: rows of cells, each a string or a nested table.</summary>
internal sealed record DocxTable(params object[][] Rows);
