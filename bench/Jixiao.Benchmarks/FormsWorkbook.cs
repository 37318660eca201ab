using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Jixiao.Benchmarks;

/// <summary>
/// A workbook of N per-project target forms, one per sheet (the finance system's export of a unit's
/// projects): a title, the header block, a funding block, the goal and an indicator grid of nine rows with
/// blank (merged) level cells. Written as plain SpreadsheetML with inline strings, from a fixed seed.
/// </summary>
internal static class FormsWorkbook
{
    private static readonly (string Level1, string Level2, string Name, string Value)[] Grid =
    [
        ("产出指标", "数量指标", "培训人数", "≥{0}人"),
        ("", "", "开设课程门数", "不少于{1}门"),
        ("", "质量指标", "培训合格率", "≥9{2}%"),
        ("", "时效指标", "完成时间", "{3}月底前"),
        ("成本指标", "经济成本指标", "生均培训成本", "≤{4}元"),
        ("效益指标", "社会效益指标", "就业带动效果", "明显提升"),
        ("", "可持续影响指标", "培训机制持续运行", "长期"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥9{2}%"),
        ("", "", "用人单位满意度", "≥85%"),
    ];

    public static byte[] Build(int forms)
    {
        var random = new Random(20261130);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes(forms));
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            var sheets = new StringBuilder();
            var rels = new StringBuilder();
            for (var i = 1; i <= forms; i++)
            {
                sheets.Append(CultureInfo.InvariantCulture, $"""<sheet name="项目{i}" sheetId="{i}" r:id="s{i}"/>""");
                rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="s{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
                Write(zip, $"xl/worksheets/sheet{i}.xml", Sheet(i, random));
            }

            Write(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>""");
        }

        return buffer.ToArray();
    }

    private static string Sheet(int index, Random random)
    {
        var rows = new List<string[]>
        {
            new[] { "2026年项目支出绩效目标申报表" },
            new[] { "项目名称", $"职业技能提升培训项目第{index}号", "", "实施单位", "东湖区职业培训中心" },
            new[] { "主管部门及代码", "[318001]东湖区人力资源和社会保障局", "", "项目属性", "■ 延续项目 □ 新增项目" },
            new[] { "项目资金（万元）", "年度资金总额", (random.Next(1000, 99999) / 100m).ToString("0.00", CultureInfo.InvariantCulture) },
            new[] { "", "其中：财政拨款", (random.Next(100, 999) / 10m).ToString("0.0", CultureInfo.InvariantCulture) },
            new[] { "年度目标", $"面向辖区失业人员开展第{index}期职业技能培训，提高就业能力。" },
            new[] { "一级指标", "二级指标", "三级指标", "指标值" },
        };
        var values = new object[] { random.Next(50, 2000), random.Next(3, 40), random.Next(0, 9), random.Next(6, 12), random.Next(300, 3000) };
        foreach (var (level1, level2, name, value) in Grid)
        {
            rows.Add([level1, level2, name, string.Format(CultureInfo.InvariantCulture, value, values)]);
        }

        rows.Add(["填报单位（盖章）：", "东湖区职业培训中心"]);
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < rows.Count; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"""<c r="{(char)('A' + c)}{r + 1}" t="inlineStr"><is><t>{SecurityElement.Escape(rows[r][c])}</t></is></c>""");
                }
            }

            sb.Append("</row>");
        }

        return sb.Append("</sheetData></worksheet>").ToString();
    }

    private static string ContentTypes(int forms)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        for (var i = 1; i <= forms; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return sb.Append("</Types>").ToString();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }
}
