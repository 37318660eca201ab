using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Tests.Review;

/// <summary>
/// Builds documents from the example notation of docs/review-rules.md, one statement per line:
/// <c>文件：标题；单位</c> starts a document, <c>汇总：总计/财政拨款/财政专户拨款/其他资金</c> sets the
/// summary row, <c>项目：名称；金额</c> starts a project, <c>目标：…</c> sets its goal, and
/// <c>产出：名称：指标值</c> (or 效益, 满意度, 成本) adds an indicator. <c>-</c> is a blank amount.
/// </summary>
internal static class ExampleTables
{
    public static List<TargetDocument> Parse(string example)
    {
        var documents = new List<TargetDocument>();
        TargetDocument? document = null;
        Project? project = null;
        var line = 0;
        foreach (var raw in example.Split('\n'))
        {
            line++;
            var text = raw.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var colon = text.IndexOf('：', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"Example line {line} has no '：': {text}");
            }

            var head = text[..colon];
            var rest = text[(colon + 1)..];
            var location = new SourceLocation(line);
            switch (head)
            {
                case "文件":
                    var parts = rest.Split('；');
                    document = new TargetDocument(parts[0], new BudgetUnit(parts.Length > 1 ? parts[1] : "示例单位"), AmountUnit.WanYuan,
                        new DocumentSource($"example-{documents.Count + 1}.txt", SourceFormat.Text));
                    documents.Add(document);
                    project = null;
                    break;
                case "汇总":
                    document ??= NewDefault(documents);
                    document.SetSummary(new SummaryRow(document.Unit.Name, Amounts(rest), location));
                    break;
                case "项目":
                    document ??= NewDefault(documents);
                    var split = rest.Split('；');
                    project = new Project(split[0], split.Length > 1 ? Amounts(split[1]) : Amounts("10.00/10.00/-/-"), "", location);
                    document.AddProject(project);
                    break;
                case "目标":
                    project ??= NewProject(ref document, documents, location);
                    project.ChangeGoal(rest);
                    break;
                default:
                    if (!IndicatorVocabulary.TryFindLabel(head, out var level1, out var level2))
                    {
                        throw new FormatException($"Example line {line}: unknown statement '{head}'.");
                    }

                    project ??= NewProject(ref document, documents, location);
                    var nameEnd = rest.IndexOf('：', StringComparison.Ordinal);
                    var name = nameEnd < 0 ? rest : rest[..nameEnd];
                    var target = nameEnd < 0 ? "" : rest[(nameEnd + 1)..];
                    project.AddIndicator(Indicator.Create(project.Indicators.Count + 1, level1, level2, name, target, location));
                    break;
            }
        }

        return documents;
    }

    private static TargetDocument NewDefault(List<TargetDocument> documents)
    {
        var document = new TargetDocument("2025年项目支出绩效目标表", new BudgetUnit("示例单位"), AmountUnit.WanYuan,
            new DocumentSource("example.txt", SourceFormat.Text));
        documents.Add(document);
        return document;
    }

    private static Project NewProject(ref TargetDocument? document, List<TargetDocument> documents, SourceLocation location)
    {
        document ??= NewDefault(documents);
        var project = new Project("示例项目", Amounts("10.00/10.00/-/-"), "", location);
        document.AddProject(project);
        return project;
    }

    private static Funding Amounts(string text)
    {
        var cells = text.Split('/').Select(c => c.Trim()).ToArray();
        Money? Cell(int i) => i < cells.Length && cells[i] != "-" && cells[i].Length > 0
            ? Money.FromWanYuan(decimal.Parse(cells[i], NumberStyles.Number, CultureInfo.InvariantCulture))
            : null;
        return new Funding(Cell(0), Cell(1), Cell(2), Cell(3));
    }
}
