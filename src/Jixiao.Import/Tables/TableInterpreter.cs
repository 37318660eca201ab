using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Gives meaning to rows, whatever source they came from. Order of recognition:
/// 1. before the header row: title, <c>单位名称：…</c>, <c>单位：万元</c> lines (each non-empty cell on its own);
/// 2. the header row, found by its column names and mapped by them, so columns may come in any order;
/// 3. after it: blank rows (page breaks) and repeated headers are skipped; the first row without goal
///    and indicators is the unit's summary; every other row with a name is a project.
/// A row that cannot be read is reported and skipped; the rest of the table is kept.
/// </summary>
internal sealed class TableInterpreter
{
    private readonly ReadBudget _budget;
    private readonly List<Diagnostic> _diagnostics;
    private string? _title;
    private string? _unitName;
    private AmountUnit? _amountUnit;
    private ColumnMap? _columns;
    private (RawRow Row, ColumnMap? Map)? _held;
    private SummaryRow? _summary;

    /// <summary>Where each project goes once it is complete; null to keep them for the document.</summary>
    private readonly Action<Project>? _each;

    /// <summary>The complete projects kept for the document (none when they are handed on).</summary>
    private readonly List<Project> _projects = [];

    /// <summary>The project read last: rows under its merged name may still add to it.</summary>
    private Project? _last;

    /// <summary>How many projects have been read.</summary>
    private int _count;

    /// <summary>The indicator names and values of this read, each kept once.</summary>
    private readonly TextPool _texts = new();

    private TableInterpreter(ReadBudget budget, List<Diagnostic> diagnostics, Action<Project>? each)
    {
        _budget = budget;
        _diagnostics = diagnostics;
        _each = each;
    }

    /// <summary>
    /// The document the rows make, null when they make none (no header, a limit of the budget reached).
    /// With <paramref name="each"/>, each project is handed to it once complete (in order, before the
    /// document is made) and the document holds none; when the read then fails, what was handed on is no document.
    /// </summary>
    public static TargetDocument? Interpret(IEnumerable<RawRow> rows, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics, Action<Project>? each = null)
    {
        var interpreter = new TableInterpreter(budget, diagnostics, each);
        return interpreter.Run(rows, source);
    }

    private TargetDocument? Run(IEnumerable<RawRow> rows, DocumentSource source)
    {
        foreach (var row in rows)
        {
            if (!_budget.Tick() || !Accept(row))
            {
                return null;
            }
        }

        if (_budget.Exhausted is not null)
        {
            return null;
        }

        if (_held is { } held)
        {
            _held = null;
            if (held.Map is not null)
            {
                if (!TakeHeader(held.Row, held.Map))
                {
                    return null;
                }
            }
            else
            {
                Preamble(held.Row);
            }
        }

        if (_columns is null)
        {
            _diagnostics.Add(Messages.HeaderNotFound.At(SourceLocation.File));
            return null;
        }

        return Finish(source);
    }

    /// <summary>Takes one row (admitted by the <see cref="RowGate"/>); false when the table cannot be read any further.</summary>
    private bool Accept(RawRow row)
    {
        var cells = row.Cells;
        var nonEmpty = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            nonEmpty += row.HasOwnText(c) || (row.Origin(c) == CellOrigin.Above && !ChineseText.IsBlank(cells[c])) ? 1 : 0;
        }

        if (nonEmpty == 0)
        {
            return true;
        }

        if (_columns is null)
        {
            return BeforeHeader(row);
        }

        if (ColumnMap.TryDetect(cells) is not null)
        {
            _diagnostics.Add(Messages.HeaderRepeated.At(row.RowLocation));
            return true;
        }

        Body(row, nonEmpty);
        return true;
    }

    /// <summary>
    /// A row before the header. A header broken over two lines (a line break inside it, as text copied out
    /// of a PDF often has) is put back together: a row that names some columns but not the name and
    /// indicator columns is held back one row, and joined with the next when together they make a whole header.
    /// </summary>
    private bool BeforeHeader(RawRow row)
    {
        if (_held is { } held)
        {
            _held = null;
            if (Joined(held.Row, row) is { } joined)
            {
                _diagnostics.Add(Messages.HeaderJoined.At(held.Row.RowLocation, row.Line));
                return TakeHeader(joined.Row, joined.Map);
            }

            if (held.Map is not null)
            {
                // An incomplete header with nothing to complete it: it is the header, missing what it misses.
                var taken = TakeHeader(held.Row, held.Map);
                return taken && Accept(row);
            }

            Preamble(held.Row);
        }

        var header = ColumnMap.TryDetect(row.Cells);
        if (header is not null && header.Name >= 0 && header.Indicators >= 0)
        {
            return TakeHeader(row, header);
        }

        if (header is not null || ColumnMap.NamesAnyColumn(row.Cells))
        {
            _held = (row, header);
            return true;
        }

        Preamble(row);
        return true;
    }

    /// <summary>The header made of two lines, the break inside a cell or between two, when that is a whole header.</summary>
    private static (RawRow Row, ColumnMap Map)? Joined(RawRow first, RawRow second)
    {
        if (!ColumnMap.NamesAnyColumn(second.Cells))
        {
            return null;
        }

        string[] inside = [.. first.Cells[..^1], first.Cells[^1] + second.Cells[0], .. second.Cells[1..]];
        string[] between = [.. first.Cells, .. second.Cells];
        (RawRow Row, ColumnMap Map)? best = null;
        var bestQuality = int.MinValue;
        foreach (var cells in new[] { inside, between })
        {
            if (ColumnMap.TryDetect(cells) is { Name: >= 0, Indicators: >= 0 } map && ColumnMap.Quality(cells) > bestQuality)
            {
                best = (first with { Cells = cells }, map);
                bestQuality = ColumnMap.Quality(cells);
            }
        }

        return best;
    }

    private bool TakeHeader(RawRow row, ColumnMap header)
    {
        _columns = header;
        foreach (var (column, text, takenAs) in header.Inferred)
        {
            _diagnostics.Add(Messages.HeaderInferred.At(row.CellLocation(column), text, takenAs));
        }

        return ReportMissingColumns(row);
    }

    private bool ReportMissingColumns(RawRow row)
    {
        var columns = _columns!;
        var fatal = false;
        if (columns.Name < 0)
        {
            _diagnostics.Add(Messages.ColumnMissing.At(row.RowLocation, "项目名称"));
            fatal = true;
        }

        if (columns.Indicators < 0)
        {
            _diagnostics.Add(Messages.ColumnMissing.At(row.RowLocation, "绩效指标"));
            fatal = true;
        }

        if (columns.Goal < 0)
        {
            _diagnostics.Add(Messages.GoalColumnMissing.At(row.RowLocation));
        }

        foreach (var column in FundingColumns.All)
        {
            if (columns.Amount(column) < 0)
            {
                _diagnostics.Add(Messages.AmountColumnMissing.At(row.RowLocation, column.Chinese()));
            }
        }

        return !fatal;
    }

    private void Preamble(RawRow row)
    {
        for (var c = 0; c < row.Cells.Length; c++)
        {
            var text = ChineseText.TrimSpace(row.Cells[c]);
            if (text.Length == 0 || row.Origin(c) != CellOrigin.Own)
            {
                continue;
            }

            var normalized = ChineseText.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
            if (normalized.StartsWith("单位名称", StringComparison.Ordinal))
            {
                _unitName = ChineseText.TrimSpace(AfterColon(text, "单位名称".Length));
            }
            else if (normalized.StartsWith("单位:", StringComparison.Ordinal) || normalized.StartsWith("金额单位:", StringComparison.Ordinal))
            {
                var unit = ChineseText.TrimSpace(AfterColon(normalized, normalized.IndexOf(':', StringComparison.Ordinal)));
                _amountUnit = unit switch
                {
                    "万元" => AmountUnit.WanYuan,
                    "元" => AmountUnit.Yuan,
                    _ => null,
                };
                if (_amountUnit is null)
                {
                    _diagnostics.Add(Messages.AmountUnitUnknown.At(row.CellLocation(c), unit));
                    _amountUnit = AmountUnit.WanYuan;
                }
            }
            else if (_title is null)
            {
                _title = text;
            }
            else if (!FormVocabulary.IsTitle(_title) && FormVocabulary.IsTitle(text))
            {
                // Navigation or a heading came first; the table's own title is the line that names it.
                _diagnostics.Add(Messages.TextIgnored.At(row.CellLocation(c), ChineseText.Excerpt(_title)));
                _title = text;
            }
            else
            {
                _diagnostics.Add(Messages.TextIgnored.At(row.CellLocation(c), ChineseText.Excerpt(text)));
            }
        }
    }

    private static string AfterColon(string text, int from)
    {
        var colon = text.IndexOfAny([':', '：'], Math.Min(from, text.Length));
        return colon < 0 ? text[Math.Min(from, text.Length)..] : text[(colon + 1)..];
    }

    private void Body(RawRow row, int nonEmpty)
    {
        var columns = _columns!;
        var cells = row.Cells;
        if (row.Origins is not null)
        {
            // A cell merged with the one to its left holds no value of its own.
            cells = [.. cells.Select((cell, c) => row.Origin(c) == CellOrigin.Left ? "" : cell)];
            if (row.Origin(columns.Name) == CellOrigin.Above && _last is not null)
            {
                Continuation(row, cells, columns);
                return;
            }
        }

        if (cells.Length < columns.Width)
        {
            // Trailing blank cells are often dropped by exporters; missing leading columns are not recoverable.
            // A sheet row is sparse by nature (empty cells are not stored), so it is always padded.
            if (!row.IsSheetRow && (cells.Length == 1 || cells.Length <= columns.LastAmountColumn))
            {
                if (nonEmpty == 1 && IsPreambleRepeat(cells))
                {
                    _diagnostics.Add(Messages.HeaderRepeated.At(row.RowLocation));
                    return;
                }

                _diagnostics.Add(Messages.RowTooFewCells.At(row.RowLocation, cells.Length, columns.Width, ChineseText.Excerpt(string.Join(" ", cells))));
                return;
            }

            Array.Resize(ref cells, columns.Width);
            for (var c = row.Cells.Length; c < cells.Length; c++)
            {
                cells[c] = "";
            }
        }
        else if (cells.Length > columns.Width)
        {
            var extra = string.Join(" ", cells[columns.Width..].Where(c => !ChineseText.IsBlank(c)));
            if (extra.Length > 0)
            {
                _diagnostics.Add(Messages.RowTooManyCells.At(row.RowLocation, cells.Length, columns.Width, ChineseText.Excerpt(extra)));
            }
        }

        var name = ChineseText.TrimSpace(cells[columns.Name]);
        if (name.Length == 0)
        {
            _diagnostics.Add(Messages.RowNameMissing.At(row.RowLocation));
            return;
        }

        var unit = _amountUnit ?? AmountUnit.WanYuan;
        var funding = new Funding(
            Amount(row, cells, columns.Total, FundingColumn.Total, unit),
            Amount(row, cells, columns.FiscalAppropriation, FundingColumn.FiscalAppropriation, unit),
            Amount(row, cells, columns.SpecialAccount, FundingColumn.SpecialAccount, unit),
            Amount(row, cells, columns.OtherFunds, FundingColumn.OtherFunds, unit));
        var goal = columns.Goal >= 0 ? ChineseText.TrimSpace(cells[columns.Goal]) : "";
        var indicatorCell = cells[columns.Indicators];
        if (IsDash(goal))
        {
            goal = "";
        }

        if (IsDash(ChineseText.TrimSpace(indicatorCell)))
        {
            indicatorCell = "";
        }

        if (goal.Length == 0 && ChineseText.IsBlank(indicatorCell) && IsSummaryName(name))
        {
            if (_summary is null)
            {
                _summary = new SummaryRow(name, funding, row.RowLocation);
                return;
            }
        }

        var project = new Project(name, funding, goal, row.RowLocation);
        foreach (var indicator in IndicatorCellParser.Parse(indicatorCell, row.CellLocation(columns.Indicators), _diagnostics, _texts))
        {
            project.AddIndicator(indicator);
        }

        if (_budget.Project(project.Indicators.Count, row.RowLocation))
        {
            if (_last is not null)
            {
                Complete(_last);
            }

            _last = project;
            _count++;
        }
    }

    private void Complete(Project project)
    {
        if (_each is null)
        {
            _projects.Add(project);
        }
        else
        {
            _each(project);
        }
    }

    /// <summary>
    /// A row under the same merged project name: more of the project above (its indicators spread over
    /// several rows), not a project of its own.
    /// </summary>
    private void Continuation(RawRow row, string[] cells, ColumnMap columns)
    {
        var project = _last!;
        if (columns.Indicators < cells.Length && row.Origin(columns.Indicators) == CellOrigin.Own)
        {
            foreach (var indicator in IndicatorCellParser.Parse(cells[columns.Indicators], row.CellLocation(columns.Indicators), _diagnostics, _texts))
            {
                project.AddIndicator(indicator);
            }
        }

        if (columns.Goal >= 0 && columns.Goal < cells.Length && row.HasOwnText(columns.Goal))
        {
            project.ChangeGoal(ChineseText.TrimSpace(project.Goal + cells[columns.Goal]));
        }
    }

    /// <summary>A cell that says "nothing here" with a dash or a slash, as the unit's row often does.</summary>
    private static bool IsDash(string text) => text is "-" or "--" or "—" or "——" or "－" or "/" or "／" or "无";

    private bool IsSummaryName(string name) =>
        (_count == 0 && _summary is null)
        || name == _unitName
        || name.Contains("合计", StringComparison.Ordinal)
        || name.Contains("总计", StringComparison.Ordinal);

    private bool IsPreambleRepeat(string[] cells)
    {
        var text = ChineseText.TrimSpace(cells.First(c => !ChineseText.IsBlank(c)));
        var normalized = ChineseText.Normalize(text);
        return text == _title || normalized.StartsWith("单位名称", StringComparison.Ordinal) || normalized.StartsWith("单位:", StringComparison.Ordinal);
    }

    private Money? Amount(RawRow row, string[] cells, int index, FundingColumn column, AmountUnit unit)
    {
        if (index < 0)
        {
            return null;
        }

        switch (AmountParser.Parse(cells[index], unit, out var money))
        {
            case AmountParser.Outcome.Amount:
                if (money < Money.Zero)
                {
                    _diagnostics.Add(Messages.AmountNegative.At(row.CellLocation(index), column.Chinese(), ChineseText.TrimSpace(cells[index])));
                }

                return money;
            case AmountParser.Outcome.NotANumber:
                _diagnostics.Add(Messages.AmountInvalid.At(row.CellLocation(index), column.Chinese(), ChineseText.Excerpt(cells[index])));
                return null;
            case AmountParser.Outcome.TooPrecise:
                _diagnostics.Add(Messages.AmountPrecision.At(row.CellLocation(index), column.Chinese(), ChineseText.Excerpt(cells[index])));
                return null;
            case AmountParser.Outcome.None:
                return null;
            default:
                throw new InvalidOperationException("Unknown amount outcome.");
        }
    }

    private TargetDocument Finish(DocumentSource source)
    {
        if (_title is null)
        {
            _diagnostics.Add(Messages.TitleMissing.At(SourceLocation.File));
        }

        if (_amountUnit is null)
        {
            _diagnostics.Add(Messages.AmountUnitMissing.At(SourceLocation.File));
        }

        var unitName = _unitName;
        if (string.IsNullOrEmpty(unitName))
        {
            unitName = _summary?.Name ?? "";
            _diagnostics.Add(Messages.UnitNameMissing.At(SourceLocation.File, unitName));
        }

        var document = new TargetDocument(_title ?? "", new BudgetUnit(unitName), _amountUnit ?? AmountUnit.WanYuan, source);
        if (_summary is not null)
        {
            document.SetSummary(_summary);
        }
        else
        {
            _diagnostics.Add(Messages.SummaryMissing.At(SourceLocation.File));
        }

        if (_last is not null)
        {
            Complete(_last);
            _last = null;
        }

        foreach (var project in _projects)
        {
            document.AddProject(project);
        }

        if (_count == 0)
        {
            _diagnostics.Add(Messages.NoProjects.At(SourceLocation.File));
        }

        return document;
    }
}
