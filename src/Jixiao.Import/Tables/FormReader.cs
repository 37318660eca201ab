using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Reads the grids a file yields (sheets, a document's tables, a text) into one document: each grid's
/// rows pass the <see cref="RowGate"/>, the form is recognised from the grid's first rows, and the
/// recogniser for that form reads it:
/// 1. the published summary table (layouts.md §1.1), from the first grid that holds one (a cover or
///    instructions sheet before it is passed over);
/// 2. per-project target forms (§1.2), from every grid that holds them, one project a form.
/// </summary>
internal static class FormReader
{
    /// <summary>How many rows with content are looked at to recognise a form.</summary>
    private const int Lookahead = 200;

    /// <summary>The document and how sure the reading is (0–1).</summary>
    /// <remarks>
    /// With <paramref name="each"/>, a summary table hands each project to it once complete and its document
    /// holds none (see <see cref="TableInterpreter.Interpret"/>); the other forms are read whole.
    /// </remarks>
    public static (TargetDocument? Document, decimal Confidence) Read(IEnumerable<Grid> grids, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics, Action<Project>? each = null)
    {
        Grid? first = null;
        var forms = new List<FormProject>();
        var looksLikeForms = false;
        foreach (var grid in grids)
        {
            var rows = RowGate.Admit(grid.Rows, budget, diagnostics);
            var peeked = Peek(rows, Lookahead, out var rest);
            if (budget.Exhausted is not null)
            {
                return (null, 0);
            }

            if (forms.Count == 0 && SummaryReflow.Applies(peeked))
            {
                // A summary table copied one cell per line: rows put back before the header is looked for.
                peeked = SummaryReflow.Reflow(peeked.Concat(rest), diagnostics);
                rest = [];
            }
            else if (TextReflow.Applies(peeked))
            {
                // A form whose cells lost their rows (one per line, glued, or all on one line): rows put back first.
                peeked = TextReflow.Reflow(peeked.Concat(rest));
                rest = [];
                if (budget.Exhausted is not null)
                {
                    return (null, 0);
                }
            }

            if (forms.Count == 0 && IndicatorTableReader.HeaderAt(peeked) is >= 0 and var header)
            {
                // A unit's projects one indicator per row (项目名称 | … | 一级指标 | 二级指标 | 三级指标 | 指标值).
                var table = IndicatorTableReader.Read([.. peeked.Concat(rest)], header, source, budget, diagnostics);
                return (budget.Exhausted is null ? table : null, table is null ? 0 : 1);
            }

            if (forms.Count == 0 && HasSummaryHeader(peeked))
            {
                var summary = TableInterpreter.Interpret(peeked.Concat(rest), source, budget, diagnostics, each);
                return (summary, summary is null ? 0 : 1);
            }

            if (ProjectFormReader.Evidence(peeked) >= 0.6m)
            {
                // Forms are read whole: a sheet or a section at a time, within the budget like any rows.
                var all = peeked.Concat(rest).ToList();
                if (budget.Exhausted is not null)
                {
                    return (null, 0);
                }

                forms.AddRange(ProjectFormReader.Read(all, budget, diagnostics));
                looksLikeForms = true;
                continue;
            }

            if (ProseReader.LooksLikeProse(peeked))
            {
                forms.AddRange(ProseReader.Read(peeked.Concat(rest), budget, diagnostics));
                if (budget.Exhausted is not null)
                {
                    return (null, 0);
                }

                looksLikeForms = true;
                continue;
            }

            first ??= grid with { Rows = peeked.Concat(rest) };
        }

        if (budget.Exhausted is not null)
        {
            return (null, 0);
        }

        if (forms.Count > 0)
        {
            return Forms(forms, source, diagnostics);
        }

        if (looksLikeForms && first is null)
        {
            diagnostics.Add(Messages.FormNoProjects.At(SourceLocation.File));
            return (null, 0);
        }

        // No grid holds a recognisable table: the first is read as a summary table, which says what is missing.
        var fallback = first is null ? null : TableInterpreter.Interpret(first.Rows, source, budget, diagnostics, each);
        return (fallback, fallback is null ? 0 : 1);
    }

    /// <summary>
    /// The document of the forms: of the kind most forms are, titled by the first form's title, filed under
    /// the unit most forms name (实施单位, else 部门（单位）名称, else 主管部门), amounts in 万元 (each form's own
    /// unit converted exactly), with the task lists and allocations the forms hold.
    /// </summary>
    private static (TargetDocument, decimal) Forms(List<FormProject> forms, DocumentSource source, List<Diagnostic> diagnostics)
    {
        var unit = forms.Select(f => f.Unit).Where(u => u.Length > 0)
            .GroupBy(u => u).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";
        var kind = forms.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var title = forms.Select(f => f.Title).FirstOrDefault(t => t is not null) ?? "";
        var document = new TargetDocument(title, new BudgetUnit(unit), AmountUnit.WanYuan, source)
        {
            Kind = kind,
            Year = Domain.Review.NameKeys.FirstYear(title) ?? forms.Select(f => f.Year).FirstOrDefault(y => y is not null),
        };
        foreach (var form in forms)
        {
            document.AddProject(form.Project);
            foreach (var task in form.Tasks)
            {
                document.AddTask(task);
            }

            foreach (var allocation in form.Allocations)
            {
                document.AddAllocation(allocation);
            }
        }

        if (title.Length == 0)
        {
            diagnostics.Add(Messages.TitleMissing.At(SourceLocation.File));
        }

        if (unit.Length == 0)
        {
            diagnostics.Add(Messages.FormUnitMissing.At(SourceLocation.File));
        }

        var confidence = Math.Round(forms.Average(f => f.Confidence), 2);
        diagnostics.Insert(0, Messages.FormRecognised.At(SourceLocation.File, kind.Chinese(), forms.Count, Percent(confidence)));
        return (document, confidence);
    }

    private static string Percent(decimal confidence) =>
        (confidence >= 0.9m ? "高" : confidence >= 0.6m ? "中" : "低") + "（" + (confidence * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%）";

    /// <summary>True when the rows hold the header of a summary table (on one row, or broken over two).</summary>
    private static bool HasSummaryHeader(List<RawRow> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            if (ColumnMap.TryDetect(rows[r].Cells) is { Name: >= 0 })
            {
                return true;
            }

            if (r + 1 < rows.Count && ColumnMap.NamesAnyColumn(rows[r].Cells)
                && ColumnMap.TryDetect([.. rows[r].Cells, .. rows[r + 1].Cells]) is { Name: >= 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first rows with content (and the blank ones among them), and the enumeration of the rest.</summary>
    private static List<RawRow> Peek(IEnumerable<RawRow> rows, int count, out IEnumerable<RawRow> rest)
    {
        var enumerator = rows.GetEnumerator();
        var peeked = new List<RawRow>();
        var withContent = 0;
        while (withContent < count && enumerator.MoveNext())
        {
            peeked.Add(enumerator.Current);
            withContent += enumerator.Current.Cells.Any(c => !ChineseText.IsBlank(c)) ? 1 : 0;
        }

        rest = Remaining(enumerator);
        return peeked;
    }

    private static IEnumerable<RawRow> Remaining(IEnumerator<RawRow> enumerator)
    {
        using (enumerator)
        {
            while (enumerator.MoveNext())
            {
                yield return enumerator.Current;
            }
        }
    }
}
