using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>One per-project form read: the project, and what the form said about the table it belongs to.</summary>
/// <param name="Project">The project with its funding, goal, attributes and indicators.</param>
/// <param name="Title">The form's title line, null when it had none.</param>
/// <param name="Confidence">How fully the form was read, 0–1: name, money, goal and an indicator grid with readable rows.</param>
internal sealed record FormProject(Project Project, string? Title, decimal Confidence);

/// <summary>
/// Reads per-project target forms (项目支出绩效目标申报表 / 目标表 / 批复表, layouts.md §1.2) from a grid's
/// rows. A grid may hold several forms one after another; each starts at its 项目名称. In order:
/// 1. label/value cells wherever they stand (项目名称, 主管部门, 实施单位, 项目属性, 项目期, the funding block,
///    the goals): the value is the next cell to the right that is not a label, or the cell below when the
///    labels stand in a row of their own;
/// 2. the indicator grid: a header row naming 一级指标, 二级指标, 三级指标 and a value column (operator, unit,
///    explanation and standard columns too), then one indicator a row, level cells carried down where they
///    are merged or blank, until the form ends (a footer, the next form's 项目名称, the grid's end).
/// </summary>
internal sealed class ProjectFormReader
{
    private readonly List<RawRow> _rows;
    private readonly ReadBudget _budget;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<FormProject> _projects = [];

    private ProjectFormReader(List<RawRow> rows, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        _rows = rows;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    /// <summary>The forms in <paramref name="rows"/>, in order.</summary>
    public static List<FormProject> Read(List<RawRow> rows, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var reader = new ProjectFormReader(rows, budget, diagnostics);
        reader.Run();
        return reader._projects;
    }

    /// <summary>How much <paramref name="rows"/> look like per-project forms: an indicator-grid header and a 项目名称 label beside its value.</summary>
    public static decimal Evidence(IReadOnlyList<RawRow> rows)
    {
        var grid = rows.Any(r => GridHeader(r) is not null);
        var name = false;
        for (var r = 0; r < rows.Count && !name; r++)
        {
            var cells = rows[r].Cells;
            for (var c = 0; c < cells.Length && !name; c++)
            {
                name = FormVocabulary.Field(cells[c]) == FormField.Name && ValueRight(rows[r], c) is not null;
            }
        }

        return (grid ? 0.6m : 0) + (name ? 0.4m : 0);
    }

    private void Run()
    {
        Form? form = null;
        string? formTitle = null;
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            if (IsBlank(row))
            {
                continue;
            }

            var title = Single(row) is { } text && FormVocabulary.IsTitle(text) && FormVocabulary.Field(text) == FormField.None;
            if (form is not null && form.Grid is not null && !form.GridEnded && !IsFieldRow(row) && !title)
            {
                if (!ReadIndicatorRow(form, row))
                {
                    form.GridEnded = true;
                }

                continue;
            }

            if (GridHeader(row) is { } header)
            {
                form ??= new Form(row.Line);
                form.Grid = ChooseColumns(header, r > 0 ? _rows[r - 1] : null);
                form.GridEnded = false;
                continue;
            }

            if (title)
            {
                if (form is not null && form.HasName && (form.Grid is not null || form.HasMoney))
                {
                    Finish(form);
                    form = null;
                }

                formTitle = ChineseText.TrimSpace(Single(row)!);
                continue;
            }

            if (row.Cells.Any(FormVocabulary.IsFooter))
            {
                if (form is not null)
                {
                    form.GridEnded = true;
                }

                continue;
            }

            ReadFields(row, r, ref form, ref formTitle);
        }

        if (form is not null)
        {
            Finish(form);
        }
    }

    /// <summary>The label/value pairs of a row, starting a new form at a second 项目名称.</summary>
    private void ReadFields(RawRow row, int index, ref Form? form, ref string? title)
    {
        var cells = row.Cells;
        for (var c = 0; c < cells.Length; c++)
        {
            if (!row.HasOwnText(c) && row.Origin(c) != CellOrigin.Above)
            {
                continue;
            }

            var field = FormVocabulary.Field(cells[c]);
            if (field == FormField.None)
            {
                continue;
            }

            if (field == FormField.FundingGroup)
            {
                if (form is not null && FormVocabulary.MoneyUnit(cells[c]) is { } groupUnit)
                {
                    form.MoneyUnit = groupUnit;
                }

                continue;
            }

            if (row.Origin(c) != CellOrigin.Own)
            {
                continue;
            }

            var value = ValueRight(row, c) ?? ValueBelow(index, c);
            if (field == FormField.Name)
            {
                if (value is null)
                {
                    continue;
                }

                if (form is not null && form.HasName)
                {
                    Finish(form);
                    form = null;
                }

                form ??= new Form(row.Line);
                form.Title = title;
                title = null;
            }

            form ??= new Form(row.Line);
            if (value is not null)
            {
                form.Set(field, value.Value.Text, cells[c], row.CellLocation(value.Value.Column), _diagnostics);
            }
        }
    }

    /// <summary>The first cell right of <paramref name="column"/> with text of its own that is not a label: the label's value.</summary>
    private static (string Text, int Column)? ValueRight(RawRow row, int column)
    {
        var cells = row.Cells;
        for (var c = column + 1; c < cells.Length; c++)
        {
            if (row.Origin(c) == CellOrigin.Left || ChineseText.IsBlank(cells[c]))
            {
                continue;
            }

            if (FormVocabulary.Field(cells[c]) != FormField.None || FormVocabulary.Column(cells[c]) != GridColumn.None)
            {
                return null;
            }

            return (ChineseText.TrimSpace(cells[c]), c);
        }

        return null;
    }

    /// <summary>The value under a label that stands in a row of labels (中长期目标 | 年度目标 over their texts).</summary>
    private (string Text, int Column)? ValueBelow(int index, int column)
    {
        for (var r = index + 1; r < _rows.Count && r <= index + 2; r++)
        {
            var below = _rows[r];
            if (IsBlank(below))
            {
                continue;
            }

            if (column < below.Cells.Length && below.HasOwnText(column)
                && FormVocabulary.Field(below.Cells[column]) == FormField.None && FormVocabulary.Column(below.Cells[column]) == GridColumn.None)
            {
                return (ChineseText.TrimSpace(below.Cells[column]), column);
            }

            return null;
        }

        return null;
    }

    private static bool IsFieldRow(RawRow row) =>
        row.Cells.Where((_, c) => row.Origin(c) == CellOrigin.Own).Any(c => FormVocabulary.Field(c) == FormField.Name);

    /// <summary>The columns of an indicator-grid header row (role and header text), null when the row is not one.</summary>
    private static Dictionary<int, (GridColumn Role, string Text)>? GridHeader(RawRow row)
    {
        var columns = new Dictionary<int, (GridColumn, string)>();
        var levels = 0;
        var value = false;
        var name = false;
        var level1 = false;
        for (var c = 0; c < row.Cells.Length; c++)
        {
            // A header cell merged across or down is one header, met at its first cell.
            if (row.Origin(c) != CellOrigin.Own)
            {
                continue;
            }

            var column = FormVocabulary.Column(row.Cells[c]);
            if (column == GridColumn.None)
            {
                continue;
            }

            columns[c] = (column, row.Cells[c]);
            levels += column is GridColumn.Level1 or GridColumn.Level2 or GridColumn.Name ? 1 : 0;
            value |= column == GridColumn.Value;
            name |= column == GridColumn.Name;
            level1 |= column == GridColumn.Level1;
        }

        return name && (level1 || value) && levels + (value ? 1 : 0) >= 3 ? columns : null;
    }

    /// <summary>
    /// One column per role. Where a role repeats (中长期 and 年度 sets side by side, or value columns by
    /// year), the set under a 年度 heading in the row above is taken, then the planned value over the actual.
    /// </summary>
    private static IndicatorGrid ChooseColumns(Dictionary<int, (GridColumn Role, string Text)> header, RawRow? above)
    {
        // A heading over a set of columns (年度指标 over 二级 | 三级 | 指标值), not a field label that happens to stand above.
        bool Annual(int c) => above is not null && c < above.Cells.Length && FormVocabulary.Field(above.Cells[c]) == FormField.None
            && FormVocabulary.Key(above.Cells[c]) is var key && key.Contains("年度", StringComparison.Ordinal) && key.Length <= 8;
        int Pick(GridColumn role)
        {
            var candidates = header.Where(h => h.Value.Role == role).Select(h => h.Key).Order().ToList();
            if (role == GridColumn.Name && candidates.Count > 1)
            {
                // 绩效指标 often heads the whole grid down its first column; 三级指标 is the name column.
                var named = candidates.Where(c => FormVocabulary.Key(header[c].Text) != "绩效指标").ToList();
                candidates = named.Count > 0 ? named : candidates;
            }

            if (candidates.Count <= 1)
            {
                return candidates.Count == 0 ? -1 : candidates[0];
            }

            var annual = candidates.Where(Annual).ToList();
            return annual.Count > 0 ? annual[0] : candidates[^1];
        }

        var values = header.Where(h => h.Value.Role == GridColumn.Value).Select(h => h.Key).ToList();
        var annualValues = values.Where(Annual).ToList();
        var value = (annualValues.Count > 0 ? annualValues : values)
            .OrderByDescending(c => FormVocabulary.ValuePreference(header[c].Text)).ThenByDescending(c => c).FirstOrDefault(-1);
        return new IndicatorGrid(Pick(GridColumn.Level1), Pick(GridColumn.Level2), Pick(GridColumn.Name), value,
            Pick(GridColumn.Operator), Pick(GridColumn.Unit), Pick(GridColumn.Explanation), Pick(GridColumn.Standard));
    }

    /// <summary>Reads one row of the indicator grid; false when the row is not one (the grid has ended).</summary>
    private bool ReadIndicatorRow(Form form, RawRow row)
    {
        var grid = form.Grid!;
        string Cell(int c) => c >= 0 && c < row.Cells.Length ? ChineseText.TrimSpace(row.Cells[c]) : "";
        var name = Cell(grid.Name);
        if (GridHeader(row) is not null)
        {
            return true;
        }

        if (name.Length == 0 || row.Origin(grid.Name) != CellOrigin.Own)
        {
            // A row with only level cells (a level-1 heading row) or a merged continuation: levels carry on.
            CarryLevels(form, row, grid);
            return row.Cells.Any(c => !ChineseText.IsBlank(c));
        }

        CarryLevels(form, row, grid);
        if (form.Level1 is not { } level1)
        {
            _diagnostics.Add(Messages.FormLevel1Unknown.At(row.CellLocation(Math.Max(grid.Level1, 0)), ChineseText.Excerpt(Cell(grid.Level1)), ChineseText.Excerpt(name)));
            return true;
        }

        var target = Target(Cell(grid.Operator), Cell(grid.Value), Cell(grid.Unit));
        var level2 = form.Level2 is { } l2 && l2.Parent() == level1 ? l2 : (Level2?)null;
        var indicator = Indicator.Create(form.Indicators.Count + 1, level1, level2, name, target, row.CellLocation(grid.Name))
            .Explain(Cell(grid.Explanation), Cell(grid.Standard));
        form.Indicators.Add(indicator);
        return true;
    }

    private static void CarryLevels(Form form, RawRow row, IndicatorGrid grid)
    {
        if (grid.Level1 >= 0 && grid.Level1 < row.Cells.Length && !ChineseText.IsBlank(row.Cells[grid.Level1])
            && IndicatorVocabulary.TryFindLabel(row.Cells[grid.Level1], out var level1, out var fromLabel))
        {
            if (form.Level1 != level1)
            {
                form.Level2 = null;
            }

            form.Level1 = level1;
            form.Level2 = fromLabel ?? form.Level2;
        }

        if (grid.Level2 >= 0 && grid.Level2 < row.Cells.Length && !ChineseText.IsBlank(row.Cells[grid.Level2])
            && IndicatorVocabulary.TryFindLabel(row.Cells[grid.Level2], out var parent, out var level2) && level2 is not null)
        {
            form.Level1 ??= parent;
            form.Level2 = level2;
        }
    }

    /// <summary>
    /// The target as one text: operator, value and unit joined when the form gives them in three columns
    /// (<c>≥ | 95 | %</c> → <c>≥95%</c>); a value that already holds its operator or unit keeps it.
    /// </summary>
    private static string Target(string op, string value, string unit)
    {
        var symbol = ChineseText.Normalize(op).Trim();
        var text = value;
        if (symbol.Length is > 0 and <= 2 && symbol.All(c => c is '≥' or '≤' or '>' or '<' or '=' or '≈' or '〉' or '〈') && !StartsWithOperator(value))
        {
            text = symbol + text;
        }

        if (unit.Length > 0 && value.Length > 0 && !value.EndsWith(unit, StringComparison.Ordinal) && char.IsAsciiDigit(ChineseText.Map(value[^1])))
        {
            text += unit;
        }

        return text;
    }

    private static bool StartsWithOperator(string value)
    {
        var text = ChineseText.Normalize(value).TrimStart();
        return text.Length > 0 && text[0] is '≥' or '≤' or '>' or '<' or '=' or '≈';
    }

    private void Finish(Form form)
    {
        if (!form.HasName)
        {
            if (form.Indicators.Count > 0 || form.HasMoney)
            {
                _diagnostics.Add(Messages.FormNameMissing.At(new SourceLocation(form.Line)));
            }

            return;
        }

        var project = new Project(form.Name!, form.Funding(), form.AnnualGoal ?? "", new SourceLocation(form.Line));
        project.ChangeAttributes(form.Attributes());
        foreach (var indicator in form.Indicators)
        {
            project.AddIndicator(indicator);
        }

        if (form.Grid is null)
        {
            _diagnostics.Add(Messages.FormNoIndicators.At(new SourceLocation(form.Line), ChineseText.Excerpt(form.Name!)));
        }

        if (!_budget.Project(project.Indicators.Count, new SourceLocation(form.Line)))
        {
            return;
        }

        var found = 0.25m + (form.HasMoney ? 0.2m : 0) + (form.AnnualGoal is not null ? 0.15m : 0) + (form.Indicators.Count > 0 ? 0.4m : 0);
        _projects.Add(new FormProject(project, form.Title, found));
    }

    private static bool IsBlank(RawRow row) => row.Cells.All(c => ChineseText.IsBlank(c));

    private static string? Single(RawRow row)
    {
        string? only = null;
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (!row.HasOwnText(c))
            {
                continue;
            }

            if (only is not null)
            {
                return null;
            }

            only = row.Cells[c];
        }

        return only;
    }

    /// <summary>The columns of one indicator grid, -1 where the grid has none.</summary>
    private sealed record IndicatorGrid(int Level1, int Level2, int Name, int Value, int Operator, int Unit, int Explanation, int Standard);

    /// <summary>One form as it is read.</summary>
    private sealed class Form(int line)
    {
        private Money? _total;
        private Money? _fiscal;
        private Money? _special;
        private Money? _other;
        private string _department = "";
        private string _departmentCode = "";
        private string _implementingUnit = "";
        private string _category = "";
        private string _period = "";
        private string _longTermGoal = "";

        public int Line { get; } = line;

        public string? Title { get; set; }

        public string? Name { get; private set; }

        public bool HasName => Name is not null;

        public bool HasMoney => _total is not null || _fiscal is not null || _other is not null || _special is not null;

        public string? AnnualGoal { get; private set; }

        public AmountUnit MoneyUnit { get; set; } = AmountUnit.WanYuan;

        public IndicatorGrid? Grid { get; set; }

        public bool GridEnded { get; set; }

        public Level1? Level1 { get; set; }

        public Level2? Level2 { get; set; }

        public List<Indicator> Indicators { get; } = [];

        public void Set(FormField field, string value, string label, SourceLocation at, List<Diagnostic> diagnostics)
        {
            switch (field)
            {
                case FormField.Name:
                    Name = value;
                    break;
                case FormField.Department:
                    (_department, _departmentCode) = SplitCode(value);
                    break;
                case FormField.ImplementingUnit:
                    _implementingUnit = value;
                    break;
                case FormField.Category:
                    _category = Ticked(value);
                    break;
                case FormField.Period:
                    _period = value;
                    break;
                case FormField.Total:
                    _total ??= Amount(value, label, at, diagnostics);
                    break;
                case FormField.Fiscal:
                    _fiscal = Sum(_fiscal, Amount(value, label, at, diagnostics));
                    break;
                case FormField.Special:
                    _special ??= Amount(value, label, at, diagnostics);
                    break;
                case FormField.Other:
                    _other ??= Amount(value, label, at, diagnostics);
                    break;
                case FormField.AnnualGoal:
                    AnnualGoal = AnnualGoal is null ? value : AnnualGoal + "\n" + value;
                    break;
                case FormField.LongTermGoal:
                    _longTermGoal = value;
                    break;
                case FormField.None or FormField.FundingGroup or FormField.LongTermTotal or FormField.Ignored:
                    break;
            }
        }

        public Funding Funding() => new(_total, _fiscal, _special, _other);

        public ProjectAttributes Attributes() => new(_department, _departmentCode, _implementingUnit, _category, _period, _longTermGoal);

        private static Money? Sum(Money? a, Money? b) => a is null ? b : b is null ? a : a.Value + b.Value;

        /// <summary>An amount with its unit from the value (<c>164万元</c>), the label (<c>（元）</c>) or the funding block.</summary>
        private Money? Amount(string value, string label, SourceLocation at, List<Diagnostic> diagnostics)
        {
            var unit = FormVocabulary.MoneyUnit(value) ?? FormVocabulary.MoneyUnit(label) ?? MoneyUnit;
            var number = ChineseText.Normalize(value).Replace("万元", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal);
            switch (AmountParser.Parse(number, unit, out var money))
            {
                case AmountParser.Outcome.Amount:
                    return money;
                case AmountParser.Outcome.None:
                    return null;
                case AmountParser.Outcome.NotANumber:
                case AmountParser.Outcome.TooPrecise:
                    diagnostics.Add(Messages.AmountInvalid.At(at, FormVocabulary.Key(label), ChineseText.Excerpt(value)));
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>主管部门 and its code from <c>[015001]某区教育局</c>, <c>某区教育局（015001）</c> or <c>015001 某区教育局</c>.</summary>
        private static (string Name, string Code) SplitCode(string value)
        {
            var text = ChineseText.Normalize(value).Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length < 3)
            {
                return (value, "");
            }

            var name = new string(text.Where(c => !char.IsAsciiDigit(c) && c is not '[' and not ']' and not '(' and not ')' and not '【' and not '】').ToArray()).Trim(' ', '-', ':', '、');
            return (name, digits);
        }

        /// <summary>The option ticked among check boxes (<c>■ 延续项目 □ 新增项目</c>), else the text.</summary>
        private static string Ticked(string value)
        {
            foreach (var mark in new[] { '■', '☑', '√', '✓', '✔', '▇', '●' })
            {
                var at = value.IndexOf(mark, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var rest = value[(at + 1)..].TrimStart();
                    var end = rest.IndexOfAny(['□', '☐', '○', ' ', '　']);
                    return end < 0 ? rest.Trim() : rest[..end].Trim();
                }
            }

            return value;
        }
    }
}
