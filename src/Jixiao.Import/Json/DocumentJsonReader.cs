using System.Text.Json;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Contracts;

namespace Jixiao.Import.Json;

/// <summary>
/// Reads back the JSON this system writes (<see cref="DocumentJson"/>, from <c>jixiao parse --format
/// json</c> or the web export): title, unit, amount unit, summary, projects and indicators with the level 2
/// as written. Ids, parsed clauses and the original diagnostics are ignored: targets are parsed again
/// from their text. Nesting is capped well below anything that could exhaust the stack, the whole text is
/// charged to the budget before it is parsed, and each project and indicator after.
/// </summary>
internal static class DocumentJsonReader
{
    private const int MaxDepth = DocumentJson.MaxReadDepth;

    /// <summary>True when the content, past a BOM and white space, opens a JSON object.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && content[start] == '{';
    }

    public static TargetDocument? Read(byte[] content, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        if (!budget.Characters(content.LongLength, SourceLocation.File))
        {
            return null;
        }

        var json = content.AsSpan();
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        DocumentDto? dto;
        try
        {
            dto = DocumentJson.Read(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第 {line + 1} 行附近" : "";
            var reason = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"嵌套超过 {MaxDepth} 层"
                : "格式错误或内容不完整";
            diagnostics.Add(Messages.JsonInvalid.At(new SourceLocation(e.LineNumber is { } l ? (int)Math.Min(l + 1, int.MaxValue) : null), where + reason));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Add(Messages.JsonInvalid.At(SourceLocation.File, "内容不是绩效目标表的结构"));
            return null;
        }

        if (dto?.Projects is null || dto.Title is null || dto.UnitName is null)
        {
            diagnostics.Add(Messages.JsonNotDocument.At(SourceLocation.File));
            return null;
        }

        return Build(dto, source, budget, diagnostics);
    }

    private static TargetDocument? Build(DocumentDto dto, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var unit = dto.AmountUnit switch
        {
            "万元" => AmountUnit.WanYuan,
            "元" => AmountUnit.Yuan,
            _ => (AmountUnit?)null,
        };
        if (unit is null)
        {
            diagnostics.Add(Messages.AmountUnitUnknown.At(SourceLocation.File, ChineseText.Excerpt(dto.AmountUnit ?? "")));
        }

        var amountUnit = unit ?? AmountUnit.WanYuan;
        var document = new TargetDocument(Clean(dto.Title), new BudgetUnit(Clean(dto.UnitName)), amountUnit, source) { Kind = DocumentJson.KindOf(dto.Form) ?? DocumentKind.Summary };
        if (dto.Year is >= 1900 and <= 2200)
        {
            document.Year = dto.Year;
        }

        foreach (var task in dto.Tasks ?? [])
        {
            if (task is not null)
            {
                document.AddTask(new DepartmentTask(Clean(task.Function ?? ""), Clean(task.Task ?? ""), Clean(task.Projects ?? ""), Single(task.Amount, amountUnit)));
            }
        }

        foreach (var allocation in dto.Allocations ?? [])
        {
            if (allocation is not null)
            {
                document.AddAllocation(new RegionAllocation(Clean(allocation.Region ?? ""), Single(allocation.Amount, amountUnit)));
            }
        }

        if (dto.Summary is { } summary)
        {
            var where = "汇总行";
            document.SetSummary(new SummaryRow(Clean(summary.Name ?? ""), Funding(summary.Total, summary.FiscalAppropriation, summary.SpecialAccount, summary.OtherFunds, amountUnit, where, diagnostics),
                new SourceLocation(summary.Line)));
        }

        for (var p = 0; p < dto.Projects.Count; p++)
        {
            if (dto.Projects[p] is not ProjectDto item)
            {
                continue;
            }

            var where = $"第 {p + 1} 个项目";
            var name = Clean(item.Name ?? "");
            if (ChineseText.IsBlank(name))
            {
                diagnostics.Add(Messages.JsonItemSkipped.At(SourceLocation.File, where, "缺少项目名称"));
                continue;
            }

            var project = new Project(name, Funding(item.Total, item.FiscalAppropriation, item.SpecialAccount, item.OtherFunds, amountUnit, where, diagnostics),
                Clean(item.Goal ?? ""), new SourceLocation(item.Line));
            if (item.Attributes is { } a)
            {
                project.ChangeAttributes(new ProjectAttributes(Clean(a.Department ?? ""), Clean(a.DepartmentCode ?? ""), Clean(a.ImplementingUnit ?? ""),
                    Clean(a.Category ?? ""), Clean(a.Period ?? ""), Clean(a.LongTermGoal ?? "")));
            }

            if (item.Execution is { } e)
            {
                project.ChangeExecution(new ProjectExecution(Single(e.InitialBudget, amountUnit), Single(e.AdjustedBudget, amountUnit), Single(e.Executed, amountUnit),
                    e.Rate, e.Points, e.Score, Clean(e.GoalOutcome ?? ""), e.TotalScore, Clean(e.Grade ?? "")));
            }

            foreach (var indicator in Indicators(item.Indicators ?? [], where + "“" + ChineseText.Excerpt(name) + "”", diagnostics))
            {
                project.AddIndicator(indicator);
            }

            if (!budget.Project(project.Indicators.Count, SourceLocation.File))
            {
                return null;
            }

            document.AddProject(project);
        }

        if (document.Projects.Count == 0)
        {
            diagnostics.Add(Messages.NoProjects.At(SourceLocation.File));
        }

        return document;
    }

    private static List<Indicator> Indicators(IReadOnlyList<IndicatorDto> items, string where, List<Diagnostic> diagnostics)
    {
        var result = new List<Indicator>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not IndicatorDto item)
            {
                continue;
            }

            var at = $"{where}的第 {i + 1} 个指标";
            if (item.Level1 is null || !LevelNames.TryParseLevel1(item.Level1, out var level1))
            {
                diagnostics.Add(Messages.JsonItemSkipped.At(SourceLocation.File, at, $"一级指标“{ChineseText.Excerpt(item.Level1 ?? "")}”无法识别"));
                continue;
            }

            Level2? written = null;
            if (!item.Level2Inferred && item.Level2 is { } level2Text)
            {
                if (LevelNames.TryParseLevel2(level2Text, out var level2) && level2.Parent() == level1)
                {
                    written = level2;
                }
                else
                {
                    diagnostics.Add(Messages.JsonLevel2Dropped.At(SourceLocation.File, at, ChineseText.Excerpt(level2Text)));
                }
            }

            var name = Clean(item.Name ?? "");
            if (ChineseText.IsBlank(name))
            {
                diagnostics.Add(Messages.JsonItemSkipped.At(SourceLocation.File, at, "缺少指标名称"));
                continue;
            }

            result.Add(Indicator.Create(Math.Max(0, item.Seq), level1, written, name, Clean(item.TargetText ?? ""), SourceLocation.File)
                .Explain(Clean(item.Explanation ?? ""), Clean(item.Standard ?? ""))
                .Evaluate(item.Evaluation is { } e ? new IndicatorEvaluation(Clean(e.Actual ?? ""), e.Points, e.Score, Clean(e.Deviation ?? "")) : null)
                .ForRegions(item.Regions is { } regions ? regions.Where(r => r is not null).Select(r => new RegionTarget(Clean(r.Region ?? ""), Clean(r.TargetText ?? ""))).ToList() : []));
        }

        return result;
    }

    /// <summary>An amount outside the funding columns; null when absent or not representable.</summary>
    private static Money? Single(decimal? value, AmountUnit unit) =>
        value is { } v && Money.TryFrom(v, unit, out var money) ? money : null;

    private static Funding Funding(decimal? total, decimal? fiscal, decimal? special, decimal? other, AmountUnit unit, string where, List<Diagnostic> diagnostics)
    {
        return new(Amount(total, FundingColumn.Total), Amount(fiscal, FundingColumn.FiscalAppropriation), Amount(special, FundingColumn.SpecialAccount), Amount(other, FundingColumn.OtherFunds));

        Money? Amount(decimal? value, FundingColumn column)
        {
            if (value is null)
            {
                return null;
            }

            if (Money.TryFrom(value.Value, unit, out var money))
            {
                if (money < Money.Zero)
                {
                    diagnostics.Add(Messages.AmountNegative.At(SourceLocation.File, where + "的“" + column.Chinese() + "”", value.Value));
                }

                return money;
            }

            diagnostics.Add(Messages.AmountPrecision.At(SourceLocation.File, where + "的“" + column.Chinese() + "”", value.Value));
            return null;
        }
    }

    /// <summary>Text without the control characters a table never holds (a database refuses NUL).</summary>
    private static string Clean(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0)
        {
            return text;
        }

        return string.Concat(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r'));
    }
}
