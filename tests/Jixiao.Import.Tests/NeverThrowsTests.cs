using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Jixiao.Domain.Review;
using Jixiao.Domain.Targets;

namespace Jixiao.Import.Tests;

/// <summary>The reader, the grammar and the review never throw on content, whatever the bytes.</summary>
public class NeverThrowsTests
{
    private static readonly string[] Extensions = [".txt", ".csv", ".xlsx", ""];

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static bool ReadsWithoutThrowing(byte[] bytes, string extension)
    {
        var result = TableReader.Read(bytes, "fuzz" + extension);
        if (result.Document is { } document)
        {
            // Whatever was read can be reviewed, and every score stays within 0–100.
            var review = Reviewer.Review([document], ReviewSettings.National);
            if (review.Documents.Any(d => d.Score is < 0 or > 100 || d.Projects.Any(p => p.Score is < 0 or > 100)))
            {
                return false;
            }
        }

        // Either a document, or a reason: never both missing.
        return result.IsReadable || result.FatalError is not null;
    }

    [Fact]
    public void Read_ArbitraryBytes_NeverThrows() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>(),
            Gen.Elements(Extensions).ToArbitrary(),
            ReadsWithoutThrowing).Check(Config);

    [Fact]
    public void Read_ArbitraryText_NeverThrows() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<string>(),
            Gen.Elements(".txt", ".csv").ToArbitrary(),
            (text, extension) => ReadsWithoutThrowing(Encoding.UTF8.GetBytes(text ?? ""), extension)).Check(Config);

    [Fact]
    public void Read_MutatedSampleTable_NeverThrows()
    {
        var sample = File.ReadAllText(TestPaths.Sample);
        var tokens = new[] { "\t", "\n", "、", "：", ":", "，", "。", "1、", "产出指标：", "年度指标值：", "≥", "%", "万", ",", ".", "\"", "", "项目名称", "总计" };
        var mutation = Gen.Choose(0, sample.Length - 1).SelectMany(at => Gen.Choose(0, 40).SelectMany(cut =>
            Gen.Elements(tokens).Select(token => (at, cut, token))));
        var mutations = Gen.ListOf(mutation, 1).Select(list => list.ToArray());
        Prop.ForAll(mutations.ToArbitrary(), edits =>
        {
            var text = sample;
            foreach (var (at, cut, token) in edits)
            {
                var start = Math.Min(at, text.Length);
                var length = Math.Min(cut, text.Length - start);
                text = text.Remove(start, length).Insert(start, token);
            }

            return ReadsWithoutThrowing(Encoding.UTF8.GetBytes(text), ".txt")
                && ReadsWithoutThrowing(Encoding.UTF8.GetBytes(text.Replace('\t', ',')), ".csv");
        }).Check(Config);
    }

    [Fact]
    public void Read_MutatedWorkbook_NeverThrows()
    {
        var workbook = XlsxBuilder.Build([
            ["项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"],
            ["项目甲", "#1.5", "#1.5", "", "", "目标", "1、产出指标：培训人数，年度指标值：10人。"],
        ]);
        var flips = Gen.ArrayOf(Gen.Choose(0, workbook.Length - 1).SelectMany(at => Gen.Choose(0, 255).Select(b => (at, (byte)b))));
        Prop.ForAll(flips.ToArbitrary(), edits =>
        {
            var bytes = (byte[])workbook.Clone();
            foreach (var (at, value) in edits)
            {
                bytes[at] = value;
            }

            return ReadsWithoutThrowing(bytes, ".xlsx");
        }).Check(Config);
    }

    [Fact]
    public void Parse_ArbitraryTargetText_NeverThrows() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), (text, name) =>
        {
            var target = TargetGrammar.Parse(text, name);
            return target.Kind != TargetKind.Quantitative || target.Clauses.Count > 0;
        }).Check(Config);
}
