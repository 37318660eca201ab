using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Jixiao.Domain.Documents;
using Jixiao.Export.Documents;
using Jixiao.Import;
using Jixiao.Contracts;
using Jixiao.Import.Tests;

namespace Jixiao.Export.Tests;

/// <summary>Export, then import: the same document back, in every format the system writes a table in.</summary>
public class RoundTripTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(250);

    public static TheoryData<string> Formats() => ["csv", "xlsx", "json"];

    /// <summary>The bytes of <paramref name="document"/> exported as <paramref name="format"/>, as a user would download them.</summary>
    internal static byte[] Export(TargetDocument document, string format)
    {
        switch (format)
        {
            case "csv":
                return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(DocumentCsv.Write(document))];
            case "xlsx":
                using (var stream = new MemoryStream())
                {
                    DocumentXlsx.Write(stream, document);
                    return stream.ToArray();
                }

            default:
                return Encoding.UTF8.GetBytes(DocumentJson.Serialize(DocumentJson.ToDto(document, [])));
        }
    }

    private static (string Before, string After, string Problems) RoundTrip(TargetDocument document, string format)
    {
        var read = TableReader.Read(Export(document, format), "export." + format);
        var problems = string.Join("\n", DocumentGenerator.Problems(read.Diagnostics).Select(d => $"{d.Code} {d.Location} {d.Message}"));
        return (DocumentGenerator.Dump(document), read.Document is null ? "(unreadable) " + read.FatalError?.Message : DocumentGenerator.Dump(read.Document), problems);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ExportThenImport_GeneratedDocuments_GiveTheSameDocument(string format) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            // The published layout has no place for a form's attributes; the JSON carries everything.
            var (before, after, problems) = RoundTrip(DocumentGenerator.Generate(seed, forms: format == "json"), format);
            if (before != after || problems.Length > 0)
            {
                throw new InvalidOperationException($"seed {seed}, {format}:\n--- exported\n{before}--- read back\n{after}--- problems\n{problems}");
            }

            return true;
        }).Check(Config);

    [Theory]
    [MemberData(nameof(Formats))]
    public void ExportThenImport_TheSample_GivesTheSameDocument(string format)
    {
        var sample = TableReader.ReadFile(TestPaths.Sample).Document!;
        var (before, after, _) = RoundTrip(sample, format);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Export_WrittenLevel2_IsLabelledAndInferredIsNot()
    {
        var project = new Project("项目", new Funding(null, null, null, null), "", default);
        project.AddIndicator(Indicator.Create(1, Domain.Indicators.Level1.Output, Domain.Indicators.Level2.Quality, "设备完好率", "≥95%", default));
        project.AddIndicator(Indicator.Create(2, Domain.Indicators.Level1.Output, null, "维修及时率", "≥95%", default));
        project.AddIndicator(Indicator.Create(3, Domain.Indicators.Level1.Output, Domain.Indicators.Level2.Cost, "单位成本", "≤10元", default));
        Assert.Equal("1、产出指标-质量指标：设备完好率，年度指标值：≥95%。2、产出指标：维修及时率，年度指标值：≥95%。3、产出指标-成本指标：单位成本，年度指标值：≤10元。",
            PublishedLayout.IndicatorCell(project));
    }
}
