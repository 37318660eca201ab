using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Reads a unit's table of projects written one indicator per row: a header naming the project
/// (项目名称), optionally its money (预算金额, 资金总额 or 总计, 财政拨款, 财政专户拨款, 其他资金) and goal
/// (年度目标, 绩效目标), then 一级指标 | 二级指标 | 三级指标 | 指标值 (with 指标解释, 计量单位 and the like).
/// A project's cells are merged down over its indicators or left blank below its first row, as are the
/// level cells; a row naming another project starts it. Lines before the header give the title,
/// 单位名称 and 单位：万元 / 元, as in the summary table; without a 单位名称 line the unit is the title's
/// words before its year.
/// </summary>
internal sealed class IndicatorTableReader
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly ReadBudget _budget;
    private readonly Columns _columns;
    private readonly TargetDocument _document;
    private Project? _project;

    /// <summary>The indicator names and values of this read, each kept once.</summary>
    private readonly TextPool _texts = new();
    private string? _level1Text;
    private string? _level2Text;

    private IndicatorTableReader(Columns columns, TargetDocument document, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        _columns = columns;
        _document = document;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    /// <summary>The columns of the header: each index, -1 when absent.</summary>
    private sealed record Columns(int Name, int Total, int Fiscal, int Special, int Other, int Goal, int Level1, int Level2, int Indicator, int Value,
        int Unit, int Explanation, int Standard, int ImplementingUnit, int Operator);

    /// <summary>The index of the header row among <paramref name="rows"/>, -1 when none names a project beside an indicator grid.</summary>
    public static int HeaderAt(IReadOnlyList<RawRow> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            if (Detect(HeaderCells(rows, r)) is not null)
            {
                return r;
            }
        }

        return -1;
    }

    /// <summary>
    /// The header's cells at row <paramref name="r"/>: the row itself, or — when it names the indicator grid
    /// and the row above names the project (项目名称 | 预算金额 | 绩效指标 over 一级指标 | 二级指标 | …, a header
    /// in two rows whose merged cells left blanks) — the two rows as one, each cell from whichever has text.
    /// </summary>
    private static string[] HeaderCells(IReadOnlyList<RawRow> rows, int r)
    {
        var cells = rows[r].Cells;
        if (r == 0 || cells.Any(c => FormVocabulary.Field(c) is FormField.Name) || !cells.Any(c => FormVocabulary.Column(c) is GridColumn.Level1 or GridColumn.Level2))
        {
            return cells;
        }

        var above = rows[r - 1].Cells;
        if (!above.Any(c => FormVocabulary.Field(c) is FormField.Name))
        {
            return cells;
        }

        var merged = new string[Math.Max(cells.Length, above.Length)];
        for (var c = 0; c < merged.Length; c++)
        {
            var below = c < cells.Length ? cells[c] : "";
            merged[c] = !ChineseText.IsBlank(below) ? below : c < above.Length ? above[c] : "";
        }

        return merged;
    }

    private static Columns? Detect(string[] cells)
    {
        int Find(Func<string, bool> match)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (match(cells[c]))
                {
                    return c;
                }
            }

            return -1;
        }

        var name = Find(c => FormVocabulary.Field(c) is FormField.Name);
        var level1 = Find(c => FormVocabulary.Column(c) is GridColumn.Level1);
        var indicator = Find(c => FormVocabulary.Column(c) is GridColumn.Name && FormVocabulary.Field(c) is FormField.None);
        var value = Find(c => FormVocabulary.Column(c) is GridColumn.Value && FormVocabulary.Field(c) is FormField.None);
        if (name < 0 || indicator < 0 || value < 0 || (level1 < 0 && Find(c => FormVocabulary.Column(c) is GridColumn.Level2) < 0))
        {
            return null;
        }

        return new Columns(
            name,
            Find(c => FormVocabulary.Field(c) is FormField.Total || Key(c) is "总计" or "合计" or "预算数" or "金额" or "资金"),
            Find(c => FormVocabulary.Field(c) is FormField.Fiscal),
            Find(c => FormVocabulary.Field(c) is FormField.Special),
            Find(c => FormVocabulary.Field(c) is FormField.Other),
            Find(c => FormVocabulary.Field(c) is FormField.AnnualGoal),
            level1,
            Find(c => FormVocabulary.Column(c) is GridColumn.Level2),
            indicator,
            value,
            Find(c => FormVocabulary.Column(c) is GridColumn.Unit && FormVocabulary.Field(c) is FormField.None),
            Find(c => FormVocabulary.Column(c) is GridColumn.Explanation),
            Find(c => FormVocabulary.Column(c) is GridColumn.Standard),
            Find(c => FormVocabulary.Field(c) is FormField.ImplementingUnit or FormField.DepartmentName && FormVocabulary.Column(c) is GridColumn.None),
            Find(c => FormVocabulary.Column(c) is GridColumn.Operator));
    }

    private static string Key(string cell) => ChineseText.Normalize(cell).Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>Title, unit and amount unit from the lines before the header.</summary>
    private static (string Title, string Unit, AmountUnit AmountUnit) Heading(IEnumerable<RawRow> rows)
    {
        string? title = null;
        var unit = "";
        var amountUnit = AmountUnit.WanYuan;
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                var text = ChineseText.TrimSpace(cell);
                if (text.Length == 0)
                {
                    continue;
                }

                var key = Key(text);
                if (FormVocabulary.SplitLabel(text) is { Field: FormField.DepartmentName or FormField.ImplementingUnit or FormField.Department } field)
                {
                    unit = field.Value;
                }
                else if (key.StartsWith("单位:", StringComparison.Ordinal) || key.StartsWith("金额单位", StringComparison.Ordinal))
                {
                    amountUnit = FormVocabulary.MoneyUnit(key) ?? amountUnit;
                    if (key.Contains("单位:", StringComparison.Ordinal) && key.Length > 8 && FormVocabulary.MoneyUnit(key) is null)
                    {
                        unit = ChineseText.TrimSpace(text[(text.IndexOfAny([':', '：']) + 1)..]);
                    }
                }
                else
                {
                    title ??= text;
                }
            }
        }

        title ??= "";
        if (unit.Length == 0 && title.Length > 0)
        {
            // 东湖区教育局2025年项目支出绩效目标表: the unit is what stands before the year.
            var year = Domain.Review.NameKeys.FirstYear(title);
            var at = year is { } y ? title.IndexOf(y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : title.IndexOf("项目支出", StringComparison.Ordinal);
            if (at > 1)
            {
                unit = title[..at].Trim();
            }
        }

        return (title, unit, amountUnit);
    }

    private bool ReadRow(RawRow row)
    {
        string Cell(int column) => column >= 0 && column < row.Cells.Length ? ChineseText.TrimSpace(row.Cells[column]) : "";
        bool Own(int column) => column >= 0 && column < row.Cells.Length && row.HasOwnText(column);

        if (row.Cells.All(c => ChineseText.IsBlank(c)) || Detect(row.Cells) is not null || row.Cells.Any(FormVocabulary.IsFooter))
        {
            return true;
        }

        var name = Cell(_columns.Name);
        if (Own(_columns.Name) && name.Length > 0 && name != _project?.Name)
        {
            if (!Finish())
            {
                return false;
            }

            _project = new Project(name, Funding(row), Cell(_columns.Goal), row.RowLocation);
            if (Cell(_columns.ImplementingUnit) is { Length: > 0 } implementing)
            {
                _project.ChangeAttributes(new ProjectAttributes("", "", implementing, "", "", ""));
            }

            _level1Text = null;
            _level2Text = null;
        }

        if (_project is null)
        {
            return true;
        }

        if (FormVocabulary.WithoutSpace(Cell(_columns.Level1)) is { Length: > 0 } level1Text && level1Text != _level1Text)
        {
            _level1Text = level1Text;
            _level2Text = null;
        }

        if (FormVocabulary.WithoutSpace(Cell(_columns.Level2)) is { Length: > 0 } level2Text)
        {
            _level2Text = level2Text;
        }

        var indicatorName = Cell(_columns.Indicator);
        if (indicatorName.Length == 0)
        {
            return true;
        }

        Level1 level1;
        Level2? level2 = null;
        if (_level1Text is not null && IndicatorVocabulary.TryFindLabel(_level1Text, out level1, out _))
        {
            if (_level2Text is not null && IndicatorVocabulary.TryFindLabel(_level2Text, out var parent, out var l2) && l2 is { } written && parent == level1)
            {
                level2 = written;
            }
        }
        else if (_level2Text is not null && IndicatorVocabulary.TryFindLabel(_level2Text, out level1, out var only) && only is { } fromLevel2)
        {
            level2 = fromLevel2;
        }
        else
        {
            _diagnostics.Add(Messages.FormLevel1Unknown.At(row.CellLocation(Math.Max(_columns.Level1, 0)), ChineseText.Excerpt(_level1Text ?? ""), ChineseText.Excerpt(indicatorName)));
            return true;
        }

        var target = ProjectFormReader.Target(Cell(_columns.Operator), Cell(_columns.Value), Cell(_columns.Unit));

        _project.AddIndicator(Indicator.Create(_project.Indicators.Count + 1, level1, level2, _texts.Of(indicatorName), _texts.Of(target), row.CellLocation(_columns.Indicator), _texts.Targets)
            .Explain(Cell(_columns.Explanation), Cell(_columns.Standard)));
        return true;
    }

    private Funding Funding(RawRow row)
    {
        Money? Amount(int column)
        {
            if (column < 0 || column >= row.Cells.Length)
            {
                return null;
            }

            var outcome = AmountParser.Parse(row.Cells[column], _document.AmountUnit, out var money);
            if (outcome == AmountParser.Outcome.NotANumber || outcome == AmountParser.Outcome.TooPrecise)
            {
                _diagnostics.Add(Messages.AmountInvalid.At(row.CellLocation(column), "金额", ChineseText.Excerpt(row.Cells[column])));
            }

            return outcome == AmountParser.Outcome.Amount ? money : null;
        }

        return new Funding(Amount(_columns.Total), Amount(_columns.Fiscal), Amount(_columns.Special), Amount(_columns.Other));
    }

    private bool Finish()
    {
        if (_project is null)
        {
            return true;
        }

        if (!_budget.Project(_project.Indicators.Count, _project.Location))
        {
            return false;
        }

        _document.AddProject(_project);
        _project = null;
        return true;
    }

    /// <summary>The document filed under <paramref name="unit"/>, with everything else as it was.</summary>
    private static TargetDocument Refiled(TargetDocument document, string unit)
    {
        var refiled = new TargetDocument(document.Title, new BudgetUnit(unit), document.AmountUnit, document.Source) { Kind = document.Kind, Year = document.Year };
        foreach (var project in document.Projects)
        {
            refiled.AddProject(project);
        }

        return refiled;
    }

    /// <summary>Reads the table whose header is <paramref name="rows"/>[<paramref name="header"/>]; null when a limit was reached.</summary>
    public static TargetDocument? Read(List<RawRow> rows, int header, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var headerCells = HeaderCells(rows, header);
        var columns = Detect(headerCells)!;
        var (title, unitName, amountUnit) = Heading(rows.Take(ReferenceEquals(headerCells, rows[header].Cells) ? header : header - 1));
        var document = new TargetDocument(title, new BudgetUnit(unitName), amountUnit, source) { Year = Domain.Review.NameKeys.FirstYear(title) };
        var reader = new IndicatorTableReader(columns, document, budget, diagnostics);
        for (var r = header + 1; r < rows.Count; r++)
        {
            if (!reader.ReadRow(rows[r]))
            {
                return null;
            }
        }

        if (!reader.Finish())
        {
            return null;
        }

        if (document.Projects.Count == 0)
        {
            diagnostics.Add(Messages.NoProjects.At(SourceLocation.File));
        }

        if (title.Length == 0)
        {
            diagnostics.Add(Messages.TitleMissing.At(SourceLocation.File));
        }

        if (unitName.Length == 0 && document.Projects.Select(p => p.Attributes.ImplementingUnit).Where(u => u.Length > 0)
                .GroupBy(u => u).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() is { } named)
        {
            // No 单位名称 line and no unit in the title: the unit most rows name in their own column.
            document = Refiled(document, named);
            unitName = named;
        }

        if (unitName.Length == 0)
        {
            diagnostics.Add(Messages.FormUnitMissing.At(SourceLocation.File));
        }

        return document;
    }
}
