using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>One form read: the project (or the unit's whole spending), and what the form said about the table it belongs to.</summary>
/// <param name="Project">The project with its funding, goal, attributes, indicators and, for a self-evaluation, its execution.</param>
/// <param name="Title">The form's title line, null when it had none.</param>
/// <param name="Confidence">How fully the form was read, 0–1: name, money, goal and an indicator grid with readable rows.</param>
/// <param name="Kind">Which form it is.</param>
/// <param name="Unit">The unit the form names (实施单位, else 部门（单位）名称, else 主管部门), <c>""</c> when none.</param>
/// <param name="Tasks">A department-wide form's task list.</param>
/// <param name="Allocations">A transfer form's allocation by region.</param>
/// <param name="Year">The budget year its title or a year line under it (<c>（2024年度）</c>) names, null when none.</param>
internal sealed record FormProject(Project Project, string? Title, decimal Confidence, DocumentKind Kind, string Unit,
    IReadOnlyList<DepartmentTask> Tasks, IReadOnlyList<RegionAllocation> Allocations, int? Year);

/// <summary>
/// Reads label/value forms from a grid's rows (layouts.md §1.2–1.5): per-project target forms
/// (申报表 / 目标表 / 批复表), department-wide forms, self-evaluation forms and transfer-payment forms. A grid
/// may hold several forms one after another; each starts at its title or its 项目名称. In order:
/// 1. label/value cells wherever they stand (项目名称, 主管部门, 实施单位, 项目属性, 项目期, the funding block,
///    the goals, 部门名称, 总分…): the value is the next cell to the right that is not a label, or the cell
///    below when the labels stand in a row of their own;
/// 2. blocks with a header row of their own: a self-evaluation's funding grid (年初预算数 | 全年预算数 |
///    全年执行数 | 分值 | 执行率 | 得分), a department's task list (任务 | 内容 | 支出项目 | 预算金额), a transfer's
///    allocation table (单位名称 | 合计 | …);
/// 3. the indicator grid: a header row naming 一级指标, 二级指标, 三级指标 and a value column (operator, unit,
///    explanation, standard, actual, points, score, deviation and per-region columns too), then one indicator
///    a row, level cells carried down where they are merged or blank, until the form ends (a footer, the
///    next form, the grid's end).
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
        var reader = new ProjectFormReader(LabelJoiner.Join(rows), budget, diagnostics);
        reader.Run();
        return reader._projects;
    }

    /// <summary>How much <paramref name="rows"/> look like forms: an indicator-grid header and a 项目名称 (or 部门名称) label beside its value.</summary>
    public static decimal Evidence(IReadOnlyList<RawRow> rows)
    {
        var grid = rows.Any(r => GridHeader(r) is not null);
        var name = false;
        for (var r = 0; r < rows.Count && !name; r++)
        {
            var cells = rows[r].Cells;
            for (var c = 0; c < cells.Length && !name; c++)
            {
                name = (FormVocabulary.Field(cells[c]) is FormField.Name or FormField.DepartmentName && ValueRight(rows[r], c) is not null)
                    || FormVocabulary.SplitLabel(cells[c])?.Field is FormField.Name or FormField.DepartmentName;
            }
        }

        return (grid ? 0.6m : 0) + (name ? 0.4m : 0);
    }

    private int? _yearLine;

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
            if (form?.Block is { } block)
            {
                if (!title && GridHeader(row) is null && ReadBlockRow(form, block, row))
                {
                    continue;
                }

                form.Block = null;
            }

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
                form ??= new Form(row.Line, formTitle);
                form.StartGrid(ChooseColumns(header, row, r > 0 ? _rows[r - 1] : null, form));
                continue;
            }

            if (!title && YearLine(row) is { } year && (form is null || !form.HasName))
            {
                _yearLine = year;
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
                if (form is not null && form.Title is null)
                {
                    form.Title = formTitle;
                }

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

            if (BlockHeader(row, form, formTitle) is { } started)
            {
                form ??= new Form(row.Line, formTitle);
                formTitle = null;
                form.Block = started;
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
            if (field == FormField.None && row.Origin(c) == CellOrigin.Own && FormVocabulary.SplitLabel(cells[c]) is { } inline)
            {
                // 项目名称：乡村道路养护 in one cell, as text and many Word forms write it.
                ReadInline(inline.Field, inline.Label, inline.Value, row.CellLocation(c), ref form, ref title);
                continue;
            }

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
            var starts = field == FormField.Name
                || (field == FormField.DepartmentName && form is not null && form.HasName && form.Grid is not null);
            if (starts && value is not null)
            {
                if (form is not null && (form.HasName || (field == FormField.Name && form.HasDepartmentName && form.Grid is not null)))
                {
                    Finish(form);
                    form = null;
                }

                form ??= new Form(row.Line, title);
                form.Title ??= title;
                title = null;
            }

            form ??= new Form(row.Line, title);
            if (value is not null)
            {
                form.Set(field, value.Value.Text, cells[c], row.CellLocation(value.Value.Column), _diagnostics);
            }
        }
    }

    /// <summary>A label and its value written in one cell.</summary>
    private void ReadInline(FormField field, string label, string value, SourceLocation at, ref Form? form, ref string? title)
    {
        if (field == FormField.FundingGroup)
        {
            return;
        }

        if (field == FormField.Name || (field == FormField.DepartmentName && form is not null && form.HasName && form.Grid is not null))
        {
            if (form is not null && form.HasName)
            {
                Finish(form);
                form = null;
            }

            form ??= new Form(at.Line ?? 0, title);
            form.Title ??= title;
            title = null;
        }

        form ??= new Form(at.Line ?? 0, title);
        form.Set(field, value, label, at, _diagnostics);
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

    /// <summary>A row that starts a form or holds a declared total: it ends the indicator grid and is read as fields.</summary>
    private static bool IsFieldRow(RawRow row) =>
        row.Cells.Where((_, c) => row.Origin(c) == CellOrigin.Own)
            .Any(c => (FormVocabulary.Field(c) is var f && f is FormField.Name or FormField.Grade or FormField.Region or FormField.DepartmentName)
                || FormVocabulary.SplitLabel(c)?.Field is FormField.Name or FormField.Grade or FormField.Region or FormField.TotalScore);

    /// <summary>The header of a block with columns of its own (funding grid, task list, allocation table), null when the row is none.</summary>
    private static Block? BlockHeader(RawRow row, Form? form, string? title)
    {
        var execution = new Dictionary<ExecutionColumn, int>();
        var tasks = new Dictionary<TaskColumn, int>();
        var regionColumn = -1;
        var totalColumn = -1;
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (!row.HasOwnText(c))
            {
                continue;
            }

            if (FormVocabulary.Execution(row.Cells[c]) is var e and not ExecutionColumn.None)
            {
                execution.TryAdd(e, c);
            }

            if (FormVocabulary.Task(row.Cells[c]) is var t and not TaskColumn.None)
            {
                // A repeated role (年度主要任务 heading the block, 任务名称 under it): the later column holds the values.
                tasks[t] = c;
            }

            var key = FormVocabulary.Key(row.Cells[c]);
            if (key is "单位名称" or "地区" or "区域" or "市县" or "县(市、区)" or "地区名称" or "单位" or "区县" or "市(县、区)" or "分配地区")
            {
                regionColumn = regionColumn < 0 ? c : regionColumn;
            }
            else if (key is "合计" or "小计" or "分配金额" or "金额" or "资金总额" or "总计" or "下达金额" && regionColumn >= 0)
            {
                totalColumn = totalColumn < 0 ? c : totalColumn;
            }
        }

        if (execution.Count >= 2 && execution.Keys.Any(k => k is ExecutionColumn.InitialBudget or ExecutionColumn.AdjustedBudget or ExecutionColumn.Executed or ExecutionColumn.Rate))
        {
            return new Block(BlockKind.Execution, execution, tasks, -1, -1, AmountUnitOf(row, form));
        }

        if (tasks.Count >= 2 && (tasks.ContainsKey(TaskColumn.Function) || tasks.ContainsKey(TaskColumn.Task)))
        {
            return new Block(BlockKind.Tasks, execution, tasks, -1, -1, AmountUnitOf(row, form));
        }

        var transfer = (form?.Title ?? title ?? "").Contains("转移支付", StringComparison.Ordinal) || form?.Kind == DocumentKind.Transfer;
        if (regionColumn >= 0 && totalColumn > regionColumn && (transfer || form is null))
        {
            return new Block(BlockKind.Allocation, execution, tasks, regionColumn, totalColumn, AmountUnitOf(row, form));
        }

        return null;
    }

    private static AmountUnit AmountUnitOf(RawRow row, Form? form) =>
        row.Cells.Select(FormVocabulary.MoneyUnit).FirstOrDefault(u => u is not null) ?? form?.MoneyUnit ?? AmountUnit.WanYuan;

    /// <summary>One row of a block; false when the row is not one (the block has ended).</summary>
    private bool ReadBlockRow(Form form, Block block, RawRow row)
    {
        string Cell(int c) => c >= 0 && c < row.Cells.Length && row.Origin(c) == CellOrigin.Own ? ChineseText.TrimSpace(row.Cells[c]) : "";
        switch (block.Kind)
        {
            case BlockKind.Execution:
            {
                var first = block.Execution.Values.Min();
                var label = FormField.None;
                var labelText = "";
                for (var c = 0; c < first && c < row.Cells.Length; c++)
                {
                    if (row.HasOwnText(c) && FormVocabulary.Field(row.Cells[c]) is var f and not FormField.None and not FormField.FundingGroup)
                    {
                        label = f;
                        labelText = row.Cells[c];
                    }
                }

                string Column(ExecutionColumn column) => block.Execution.TryGetValue(column, out var c) ? Cell(c) : "";
                var any = block.Execution.Values.Any(c => Cell(c).Length > 0);
                if ((label == FormField.None && (!any || form.Execution.HasTotal))
                    || label is not (FormField.None or FormField.Total or FormField.Fiscal or FormField.Special or FormField.Other or FormField.LongTermTotal or FormField.Ignored))
                {
                    return false;
                }

                if (label is FormField.None or FormField.Total)
                {
                    form.ReadExecution(Column(ExecutionColumn.InitialBudget), Column(ExecutionColumn.AdjustedBudget), Column(ExecutionColumn.Executed),
                        Column(ExecutionColumn.Rate), Column(ExecutionColumn.Points), Column(ExecutionColumn.Score), block.Unit, row.RowLocation, _diagnostics);
                }
                else if (label is FormField.Fiscal or FormField.Special or FormField.Other)
                {
                    var initial = Column(ExecutionColumn.InitialBudget);
                    if (initial.Length > 0)
                    {
                        form.Set(label, initial, labelText, row.CellLocation(block.Execution[ExecutionColumn.InitialBudget]), _diagnostics, block.Unit);
                    }
                }

                return true;
            }

            case BlockKind.Tasks:
            {
                if (row.Cells.Where((_, c) => row.Origin(c) == CellOrigin.Own && !block.Tasks.ContainsValue(c))
                    .Any(c => FormVocabulary.Field(c) is not FormField.None and not FormField.Ignored))
                {
                    return false;
                }

                string Column(TaskColumn column) => block.Tasks.TryGetValue(column, out var c) ? Cell(c) : "";
                var function = Column(TaskColumn.Function);
                var task = Column(TaskColumn.Task);
                var projects = Column(TaskColumn.Projects);
                var amountText = Column(TaskColumn.Amount);
                if (function.Length + task.Length + projects.Length + amountText.Length == 0)
                {
                    return false;
                }

                Money? amount = null;
                if (amountText.Length > 0)
                {
                    switch (AmountParser.Parse(amountText, block.Unit, out var money))
                    {
                        case AmountParser.Outcome.Amount:
                            amount = money;
                            break;
                        case AmountParser.Outcome.NotANumber or AmountParser.Outcome.TooPrecise:
                            _diagnostics.Add(Messages.AmountInvalid.At(row.CellLocation(block.Tasks[TaskColumn.Amount]), "预算金额", ChineseText.Excerpt(amountText)));
                            break;
                    }
                }

                form.Tasks.Add(new DepartmentTask(function, task, projects, amount));
                return true;
            }

            case BlockKind.Allocation:
            {
                var region = Cell(block.RegionColumn);
                var total = Cell(block.TotalColumn);
                if (region.Length == 0 || FormVocabulary.Field(region) is not FormField.None and not FormField.DepartmentName)
                {
                    return false;
                }

                if (AmountParser.Parse(total, block.Unit, out var money) is var outcome && outcome == AmountParser.Outcome.NotANumber)
                {
                    return false;
                }

                if (FormVocabulary.Key(region) is not ("合计" or "小计" or "总计"))
                {
                    form.Allocations.Add(new RegionAllocation(region, outcome == AmountParser.Outcome.Amount ? money : null));
                }

                return true;
            }

            default:
                return false;
        }
    }

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
    /// Header cells no role claims, right of the name, are regions when the form is a transfer form.
    /// </summary>
    private static IndicatorGrid ChooseColumns(Dictionary<int, (GridColumn Role, string Text)> header, RawRow row, RawRow? above, Form form)
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
        var regionValue = values.Where(c => FormVocabulary.IsRegionValue(header[c].Text)).ToList();
        var value = regionValue.Count > 0 ? regionValue[0] : (annualValues.Count > 0 ? annualValues : values)
            .OrderByDescending(c => FormVocabulary.ValuePreference(header[c].Text)).ThenByDescending(c => c).FirstOrDefault(-1);
        var name = Pick(GridColumn.Name);

        var regions = new List<(int Column, string Region)>();
        var transfer = regionValue.Count > 0 || form.Kind == DocumentKind.Transfer || (form.Title ?? "").Contains("转移支付", StringComparison.Ordinal);
        if (transfer && name >= 0)
        {
            for (var c = name + 1; c < row.Cells.Length; c++)
            {
                if (row.HasOwnText(c) && !header.ContainsKey(c) && FormVocabulary.Field(row.Cells[c]) == FormField.None)
                {
                    regions.Add((c, ChineseText.TrimSpace(row.Cells[c])));
                }
            }

            if (value < 0 && regions.Count > 0)
            {
                // Only per-region columns: the first region's values stand as the targets, all are kept per region.
                value = regions[0].Column;
            }
        }

        return new IndicatorGrid(Pick(GridColumn.Level1), Pick(GridColumn.Level2), name, value,
            Pick(GridColumn.Operator), Pick(GridColumn.Unit), Pick(GridColumn.Explanation), Pick(GridColumn.Standard),
            Pick(GridColumn.Actual), Pick(GridColumn.Points), Pick(GridColumn.Score), Pick(GridColumn.Deviation), regions);
    }

    /// <summary>Reads one row of the indicator grid; false when the row is not one (the grid has ended).</summary>
    private bool ReadIndicatorRow(Form form, RawRow row)
    {
        var grid = form.Grid!;
        string Cell(int c) => c >= 0 && c < row.Cells.Length ? ChineseText.TrimSpace(row.Cells[c]) : "";
        if (GridHeader(row) is not null)
        {
            return true;
        }

        if (TotalRow(form, row, grid))
        {
            return false;
        }

        var name = WithoutNumber(Unwrapped(Cell(grid.Name)));
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
        var regions = grid.Regions.Select(r => new RegionTarget(r.Region, Target(Cell(grid.Operator), Cell(r.Column), Cell(grid.Unit))))
            .Where(r => r.TargetText.Length > 0).ToList();
        if (form.Region is { } region && Cell(grid.Value) is { Length: > 0 } regionValue)
        {
            // A grid for one region (地区：甲县 above it): its values are that region's.
            regions.Insert(0, new RegionTarget(region, target));
            var same = form.Indicators.FirstOrDefault(i => i.Name == name && i.Level1 == level1);
            if (same is not null && !form.FirstRegionGrid)
            {
                same.ForRegions([.. same.RegionTargets, .. regions]);
                return true;
            }
        }

        var indicator = Indicator.Create(form.Indicators.Count + 1, level1, level2, name, target, row.CellLocation(grid.Name))
            .Explain(Cell(grid.Explanation), Cell(grid.Standard))
            .ForRegions(regions);
        if (grid.IsEvaluation || form.IsSelfEvaluationTitle)
        {
            indicator.Evaluate(new IndicatorEvaluation(Cell(grid.Actual), Number(Cell(grid.Points)), Number(Cell(grid.Score)), Deviation(row, grid)));
        }

        form.Indicators.Add(indicator);
        return true;
    }

    /// <summary>A 总分 / 合计 row at the foot of a self-evaluation grid: its points and score are the declared total.</summary>
    private static bool TotalRow(Form form, RawRow row, IndicatorGrid grid)
    {
        var labelled = false;
        for (var c = 0; c < row.Cells.Length && !labelled; c++)
        {
            if (row.HasOwnText(c) && c != grid.Name)
            {
                var key = FormVocabulary.Key(row.Cells[c]);
                labelled = FormVocabulary.Field(row.Cells[c]) == FormField.TotalScore || key is "合计" or "总计";
            }
        }

        if (!labelled && !(grid.Name < row.Cells.Length && FormVocabulary.Field(row.Cells[grid.Name]) == FormField.TotalScore))
        {
            return false;
        }

        string Cell(int c) => c >= 0 && c < row.Cells.Length && row.Origin(c) == CellOrigin.Own ? ChineseText.TrimSpace(row.Cells[c]) : "";
        var score = Number(Cell(grid.Score));
        if (score is null)
        {
            // 总分 | 100 | 92.5 with the numbers wherever they stand: the last one is the score.
            score = row.Cells.Where((_, c) => row.Origin(c) == CellOrigin.Own).Select(c => Number(ChineseText.TrimSpace(c))).LastOrDefault(n => n is not null);
        }

        form.TotalScore ??= score;
        return true;
    }

    private static void CarryLevels(Form form, RawRow row, IndicatorGrid grid)
    {
        if (grid.Level1 >= 0 && grid.Level1 < row.Cells.Length && !ChineseText.IsBlank(row.Cells[grid.Level1])
            && IndicatorVocabulary.TryFindLabel(FormVocabulary.WithoutSpace(row.Cells[grid.Level1]), out var level1, out var fromLabel))
        {
            if (form.Level1 != level1)
            {
                form.Level2 = null;
            }

            form.Level1 = level1;
            form.Level2 = fromLabel ?? form.Level2;
        }

        if (grid.Level2 >= 0 && grid.Level2 < row.Cells.Length && !ChineseText.IsBlank(row.Cells[grid.Level2])
            && IndicatorVocabulary.TryFindLabel(FormVocabulary.WithoutSpace(row.Cells[grid.Level2]), out var parent, out var level2) && level2 is not null)
        {
            form.Level1 ??= parent;
            form.Level2 = level2;
        }
    }

    /// <summary>
    /// The target as one text: operator, value and unit joined when the form gives them in three columns
    /// (<c>≥ | 95 | %</c> → <c>≥95%</c>); a value that already holds its operator or unit keeps it.
    /// </summary>
    /// <summary>One target from 指标性质 (a comparator, a comparator word or the direction), 指标值 and 度量单位 written apart.</summary>
    internal static string Target(string op, string value, string unit)
    {
        var symbol = ChineseText.Normalize(op).Trim();
        var text = value;
        if (text.Length > 0 && symbol.Length is > 0 and <= 2 && symbol.All(c => c is '≥' or '≤' or '>' or '<' or '=' or '≈' or '〉' or '〈') && !StartsWithOperator(value))
        {
            text = symbol + text;
        }
        else if (text.Length > 0 && OperatorWord(symbol) is { } word && !StartsWithOperator(value))
        {
            text = word + text;
        }

        if (unit.Length > 0 && value.Length > 0 && !value.EndsWith(unit, StringComparison.Ordinal) && char.IsAsciiDigit(ChineseText.Map(value[^1])))
        {
            text += unit;
        }

        return text;
    }

    /// <summary>指标性质 written as a word (正向 / 反向 / 定性 / 大于等于…): the comparator it stands for, null when none.</summary>
    private static string? OperatorWord(string symbol) => symbol switch
    {
        "大于等于" or "不低于" or "不少于" => "≥",
        "小于等于" or "不高于" or "不多于" or "不超过" => "≤",
        // 指标性质 as the direction: a positive indicator is met at or above its value, a negative one at or below.
        "正向" or "正向指标" or "越大越好" or "越高越好" => "≥",
        "反向" or "反向指标" or "越小越好" or "越低越好" => "≤",
        "大于" or "高于" => ">",
        "小于" or "低于" => "<",
        "等于" => "=",
        _ => null,
    };

    private static bool StartsWithOperator(string value)
    {
        var text = ChineseText.Normalize(value).TrimStart();
        return text.Length > 0 && (text[0] is '≥' or '≤' or '>' or '<' or '=' or '≈' || text.StartsWith("不", StringComparison.Ordinal)
            || text.StartsWith("大于", StringComparison.Ordinal) || text.StartsWith("小于", StringComparison.Ordinal));
    }

    /// <summary>A number a self-evaluation form writes for points or a score (<c>10</c>, <c>9.5分</c>), null when it is none.</summary>
    internal static decimal? Number(string text)
    {
        var folded = ChineseText.Normalize(text).Replace(" ", "", StringComparison.Ordinal).TrimEnd('分');
        return folded.Length is > 0 and <= 20 && decimal.TryParse(folded, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>A rate as a fraction: <c>95%</c> and <c>95.5</c> read as 0.95 and 0.955, <c>0.95</c> as itself.</summary>
    internal static decimal? Rate(string text)
    {
        var folded = ChineseText.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        var percent = folded.EndsWith('%');
        if (Number(folded.TrimEnd('%')) is not { } n)
        {
            return null;
        }

        return percent || n > 1.5m ? n / 100m : n;
    }

    private void Finish(Form form)
    {
        var name = form.Name ?? (form.HasDepartmentName ? form.DepartmentName : null);
        if (name is null)
        {
            if (form.Indicators.Count > 0 || form.HasMoney)
            {
                _diagnostics.Add(Messages.FormNameMissing.At(new SourceLocation(form.Line)));
            }

            return;
        }

        var project = new Project(name, form.Funding(), form.AnnualGoal ?? "", new SourceLocation(form.Line));
        project.ChangeAttributes(form.Attributes());
        project.ChangeExecution(form.ExecutionOf());
        foreach (var indicator in form.Indicators)
        {
            project.AddIndicator(indicator);
        }

        if (form.Grid is null)
        {
            _diagnostics.Add(Messages.FormNoIndicators.At(new SourceLocation(form.Line), ChineseText.Excerpt(name)));
        }

        if (!_budget.Project(project.Indicators.Count, new SourceLocation(form.Line)))
        {
            return;
        }

        var found = 0.25m + (form.HasMoney ? 0.2m : 0) + (form.AnnualGoal is not null ? 0.15m : 0) + (form.Indicators.Count > 0 ? 0.4m : 0);
        var year = Domain.Review.NameKeys.FirstYear(form.Title ?? "") ?? _yearLine;
        _projects.Add(new FormProject(project, form.Title, found, form.KindOf(), form.UnitName, form.Tasks, form.Allocations, year));
    }

    /// <summary>The year of a line that says only which year the form is for: <c>（2024年度）</c>, <c>2024年</c>, <c>年度：2024</c>.</summary>
    private static int? YearLine(RawRow row)
    {
        if (Single(row) is not { } text)
        {
            return null;
        }

        var key = ChineseText.Normalize(text).Replace(" ", "", StringComparison.Ordinal).Trim('(', ')', '（', '）', '[', ']');
        if (key.Length > 12 || Domain.Review.NameKeys.FirstYear(key) is not { } year)
        {
            return null;
        }

        var rest = key.Replace(year.ToString(System.Globalization.CultureInfo.InvariantCulture), "", StringComparison.Ordinal)
            .Replace("年度", "", StringComparison.Ordinal).Replace("年", "", StringComparison.Ordinal).Replace("预算", "", StringComparison.Ordinal)
            .Trim(':', '：', '(', ')', ' ');
        return rest.Length == 0 ? year : null;
    }

    /// <summary>
    /// 偏差原因分析及改进措施: the column's cell and, where the heading spans two cells (原因分析 | 改进措施
    /// under it), the cells after it that no other column claims, joined by <c>；</c>.
    /// </summary>
    private static string Deviation(RawRow row, IndicatorGrid grid)
    {
        var column = grid.Deviation;
        if (column < 0 || column >= row.Cells.Length)
        {
            return "";
        }

        int[] claimed = [grid.Level1, grid.Level2, grid.Name, grid.Value, grid.Operator, grid.Unit, grid.Explanation, grid.Standard, grid.Actual, grid.Points, grid.Score,
            .. grid.Regions.Select(r => r.Column)];
        if (claimed.Any(c => c > column))
        {
            return ChineseText.TrimSpace(row.Cells[column]);
        }

        var parts = new List<string>();
        for (var c = column; c < row.Cells.Length; c++)
        {
            var text = ChineseText.TrimSpace(row.Cells[c]);
            if (text.Length > 0 && (c == column || row.Origin(c) == CellOrigin.Own) && !parts.Contains(text))
            {
                parts.Add(text);
            }
        }

        return string.Join("；", parts);
    }

    /// <summary>A name whose cell wrapped it over lines (社区\n图书室运行) on one line again; a break between Latin words becomes a space.</summary>
    private static string Unwrapped(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var line in lines)
        {
            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(line[0]))
            {
                sb.Append(' ');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    /// <summary>An indicator name without the template's numbering (<c>指标1：培训人数</c> → <c>培训人数</c>).</summary>
    private static string WithoutNumber(string name)
    {
        var text = name.AsSpan().TrimStart();
        if (!text.StartsWith("指标", StringComparison.Ordinal))
        {
            return name;
        }

        var i = 2;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == ' '))
        {
            i++;
        }

        return i > 2 && i < text.Length - 1 && text[i] is '：' or ':' or '、' or '.' or '．' ? text[(i + 1)..].Trim().ToString() : name;
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
    private sealed record IndicatorGrid(int Level1, int Level2, int Name, int Value, int Operator, int Unit, int Explanation, int Standard,
        int Actual, int Points, int Score, int Deviation, IReadOnlyList<(int Column, string Region)> Regions)
    {
        /// <summary>A self-evaluation grid: it has points, a score or a deviation column.</summary>
        public bool IsEvaluation => Points >= 0 || Score >= 0 || Deviation >= 0;
    }

    private enum BlockKind
    {
        Execution,
        Tasks,
        Allocation,
    }

    /// <summary>A block with its own header row: which, and where its columns are.</summary>
    private sealed record Block(BlockKind Kind, Dictionary<ExecutionColumn, int> Execution, Dictionary<TaskColumn, int> Tasks, int RegionColumn, int TotalColumn, AmountUnit Unit);

    /// <summary>What a self-evaluation's funding grid said, as read.</summary>
    private sealed class ExecutionRead
    {
        public Money? Initial { get; set; }

        public Money? Adjusted { get; set; }

        public Money? Executed { get; set; }

        public decimal? Rate { get; set; }

        public decimal? Points { get; set; }

        public decimal? Score { get; set; }

        public bool HasTotal { get; set; }
    }

    /// <summary>One form as it is read.</summary>
    private sealed class Form(int line, string? title)
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
        private string _goalOutcome = "";
        private string _grade = "";

        public int Line { get; } = line;

        public string? Title { get; set; } = title;

        public string? Name { get; private set; }

        public bool HasName => Name is not null;

        public string DepartmentName { get; private set; } = "";

        public bool HasDepartmentName => DepartmentName.Length > 0;

        public bool HasMoney => _total is not null || _fiscal is not null || _other is not null || _special is not null;

        public string? AnnualGoal { get; private set; }

        public AmountUnit MoneyUnit { get; set; } = AmountUnit.WanYuan;

        public IndicatorGrid? Grid { get; private set; }

        public bool GridEnded { get; set; }

        public Block? Block { get; set; }

        public Level1? Level1 { get; set; }

        public Level2? Level2 { get; set; }

        public List<Indicator> Indicators { get; } = [];

        public List<DepartmentTask> Tasks { get; } = [];

        public List<RegionAllocation> Allocations { get; } = [];

        public ExecutionRead Execution { get; } = new();

        public decimal? TotalScore { get; set; }

        /// <summary>The region the current grid is for, when a label names one (地区：甲县).</summary>
        public string? Region { get; private set; }

        /// <summary>True while the first grid of a form split by region is read.</summary>
        public bool FirstRegionGrid { get; private set; }

        private int _grids;

        public bool IsSelfEvaluationTitle => (Title ?? "").Contains("自评", StringComparison.Ordinal);

        public DocumentKind Kind => KindOf();

        public string UnitName => _implementingUnit.Length > 0 ? _implementingUnit : DepartmentName.Length > 0 ? DepartmentName : _department;

        public void StartGrid(IndicatorGrid grid)
        {
            Grid = grid;
            GridEnded = false;
            _grids++;
            FirstRegionGrid = _grids == 1 || (FirstRegionGrid && Indicators.Count == 0);
            Level1 = null;
            Level2 = null;
        }

        public DocumentKind KindOf()
        {
            var title = ChineseText.Normalize(Title ?? "");
            if (IsSelfEvaluationTitle || Grid?.IsEvaluation == true || Execution.HasTotal)
            {
                return DocumentKind.SelfEvaluation;
            }

            if (title.Contains("转移支付", StringComparison.Ordinal) || Allocations.Count > 0 || Grid?.Regions.Count > 0 || Region is not null)
            {
                return DocumentKind.Transfer;
            }

            return title.Contains("整体支出", StringComparison.Ordinal) || title.Contains("整体绩效", StringComparison.Ordinal) || Tasks.Count > 0
                || (Name is null && HasDepartmentName)
                ? DocumentKind.DepartmentWide
                : DocumentKind.ProjectForms;
        }

        public void Set(FormField field, string value, string label, SourceLocation at, List<Diagnostic> diagnostics, AmountUnit? unit = null)
        {
            if (field is FormField.LongTermGoal or FormField.AnnualGoal
                && FormVocabulary.SplitLabel(value) is { Field: FormField.AnnualGoal or FormField.LongTermGoal } inner)
            {
                // 总体目标 | 年度目标：…: the outer label heads the goals, the inner one says which goal this is.
                (field, value, label) = (inner.Field, inner.Value, inner.Label);
            }

            switch (field)
            {
                case FormField.Name:
                    Name = Unwrapped(value);
                    break;
                case FormField.DepartmentName:
                    if (DepartmentName.Length == 0)
                    {
                        (DepartmentName, var code) = SplitCode(value);
                        _departmentCode = _departmentCode.Length == 0 ? code : _departmentCode;
                    }

                    break;
                case FormField.DepartmentCode:
                    _departmentCode = new string(ChineseText.Normalize(value).Where(c => !char.IsWhiteSpace(c)).ToArray());
                    break;
                case FormField.Department:
                    (_department, var departmentCode) = SplitCode(value);
                    _departmentCode = departmentCode.Length > 0 ? departmentCode : _departmentCode;
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
                    _total ??= Amount(value, label, at, diagnostics, unit);
                    break;
                case FormField.Fiscal:
                    _fiscal = Sum(_fiscal, Amount(value, label, at, diagnostics, unit));
                    break;
                case FormField.Special:
                    _special ??= Amount(value, label, at, diagnostics, unit);
                    break;
                case FormField.Other:
                    _other ??= Amount(value, label, at, diagnostics, unit);
                    break;
                case FormField.AnnualGoal:
                    // The same text met twice (a label:value cell read on its own and as the value of the label before it) is one goal.
                    AnnualGoal = AnnualGoal is null ? value : AnnualGoal.Split('\n').Contains(value) ? AnnualGoal : AnnualGoal + "\n" + value;
                    break;
                case FormField.LongTermGoal:
                    _longTermGoal = value;
                    break;
                case FormField.GoalOutcome:
                    _goalOutcome = _goalOutcome.Length == 0 ? value : _goalOutcome + "\n" + value;
                    break;
                case FormField.TotalScore:
                    TotalScore ??= Number(value);
                    break;
                case FormField.Grade:
                    _grade = value;
                    break;
                case FormField.Region:
                    Region = value;
                    break;
                case FormField.None or FormField.FundingGroup or FormField.LongTermTotal or FormField.Ignored:
                    break;
            }
        }

        /// <summary>The 年度资金总额 row of a funding grid: the year's money, as budgeted and executed, with its points and score.</summary>
        public void ReadExecution(string initial, string adjusted, string executed, string rate, string points, string score, AmountUnit unit, SourceLocation at, List<Diagnostic> diagnostics)
        {
            Execution.HasTotal = true;
            Execution.Initial ??= Amount(initial, "年初预算数", at, diagnostics, unit);
            Execution.Adjusted ??= Amount(adjusted, "全年预算数", at, diagnostics, unit);
            Execution.Executed ??= Amount(executed, "全年执行数", at, diagnostics, unit);
            Execution.Rate ??= Rate(rate);
            Execution.Points ??= Number(points);
            Execution.Score ??= Number(score);
            _total ??= Execution.Initial ?? Execution.Adjusted;
        }

        public Funding Funding() => new(_total, _fiscal, _special, _other);

        public ProjectAttributes Attributes() => new(_department.Length == 0 && Name is null ? DepartmentName : _department, _departmentCode, _implementingUnit.Length > 0 ? _implementingUnit : Name is null ? "" : DepartmentName,
            _category, _period, _longTermGoal);

        public ProjectExecution? ExecutionOf() =>
            Execution.HasTotal || _goalOutcome.Length > 0 || TotalScore is not null || _grade.Length > 0
                ? new ProjectExecution(Execution.Initial, Execution.Adjusted, Execution.Executed, Execution.Rate, Execution.Points, Execution.Score, _goalOutcome, TotalScore, _grade)
                : null;

        private static Money? Sum(Money? a, Money? b) => a is null ? b : b is null ? a : a.Value + b.Value;

        /// <summary>An amount with its unit from the value (<c>164万元</c>), the label (<c>（元）</c>), the block or the funding block.</summary>
        private Money? Amount(string value, string label, SourceLocation at, List<Diagnostic> diagnostics, AmountUnit? blockUnit)
        {
            var unit = FormVocabulary.MoneyUnit(value) ?? FormVocabulary.MoneyUnit(label) ?? blockUnit ?? MoneyUnit;
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

        /// <summary>A name and its code from <c>[015001]某区教育局</c>, <c>某区教育局（015001）</c> or <c>015001 某区教育局</c>.</summary>
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
            foreach (var mark in new[] { '■', '☑', '√', '✓', '✔', '▇', '●', '☒' })
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
