using System.Text;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Puts back the rows of a form whose cells lost their row structure in publishing (layouts.md §3):
/// one cell per line (each ending in <c> |</c>, or between blank lines), cells glued into one string with
/// no separator (<c>产出指标数量指标农村学校改造覆盖率100%</c>), or a whole form on one line after the
/// page's junk. The text is cut into cells at the words of the form's vocabulary — field labels,
/// indicator-grid column names, level names — and, within an indicator, between its name and the value
/// (at a comparator or where the value's number starts). Cells then go back into rows: a field label
/// starts a row and takes the text after it as its value; after a grid header of N columns, a level name
/// starts an indicator row, the first text is its name and the following texts its value and the
/// columns after it, aligned to the header from the right so that blank (merged) level cells stay blank.
/// The rows it gives are read by the same form recognisers as any grid.
/// </summary>
internal static class TextReflow
{
    /// <summary>Words shorter than this are labels only when they are a whole cell (其他, 单位, 年度 occur inside values).</summary>
    private const int MinScannedLabel = 4;

    private static readonly string[] Comparators = ["≥", "≤", "≧", "≦", "＞", "＜", ">", "<", "＝", "﹦", "=", "不少于", "不低于", "不高于", "不超过", "不多于", "大于", "小于", "高于", "低于"];

    /// <summary>Units a value may end in where another indicator is glued after it, longest first.</summary>
    private static readonly string[] Units =
    [
        "个百分点", "万人次", "平方米", "立方米", "人次", "课时", "学时", "公里", "千米", "公顷", "万元", "万人", "小时", "分钟", "工作日", "个月",
        "%", "％", "个", "人", "次", "米", "亩", "吨", "元", "座", "处", "所", "家", "户", "场", "期", "项", "件", "篇", "册", "台", "套", "辆",
        "天", "日", "月", "年", "周", "批", "条", "门", "名", "位", "班", "份", "张", "株", "棵", "头", "只", "间", "栋", "本", "部", "起", "家次",
    ];

    private static readonly string[] Vocabulary = BuildVocabulary();

    internal static readonly System.Text.RegularExpressions.Regex QualitativeEnd = new(
        "(明显|显著|有所|逐步|持续|进一步|不断|稳步|大幅|得到|全面|基本|有效)(改善|提升|提高|增强|加强|优化|完善|增加|改观|好转|降低|减少|缓解|保障)$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// True when the rows look like a form that lost its rows: nearly every row with text has a single
    /// cell, and the text names an indicator grid (一级指标 with 三级指标 / 指标名称 / 指标值) or glues a
    /// level name to its indicators.
    /// </summary>
    public static bool Applies(IReadOnlyList<RawRow> rows)
    {
        var content = 0;
        var single = 0;
        var grid = false;
        foreach (var row in rows)
        {
            var filled = 0;
            string? only = null;
            foreach (var cell in row.Cells)
            {
                var text = Trim(cell);
                if (text.Length > 0)
                {
                    filled++;
                    only = text;
                }
            }

            if (filled == 0)
            {
                continue;
            }

            content++;
            if (filled == 1)
            {
                single++;
                var key = ChineseText.Normalize(only!).Replace(" ", "", StringComparison.Ordinal);
                grid |= key.Contains("一级指标", StringComparison.Ordinal)
                    && (key.Contains("三级指标", StringComparison.Ordinal) || key.Contains("指标名称", StringComparison.Ordinal) || key.Contains("指标值", StringComparison.Ordinal) || key.Length <= 6);
            }
        }

        return content > 0 && single * 10 >= content * 8 && grid && HasGridWords(rows);
    }

    /// <summary>The rows put back, each with the line it started on.</summary>
    public static List<RawRow> Reflow(IEnumerable<RawRow> rows)
    {
        var builder = new RowBuilder();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                var text = Trim(cell);
                if (text.Length == 0)
                {
                    continue;
                }

                var tokens = Tokens(text);
                foreach (var token in tokens)
                {
                    builder.Add(token, tokens.Count > 1, row.Line);
                }
            }
        }

        return builder.Finish();
    }

    /// <summary>True when the one-cell rows hold 二级指标 too (a grid header, not a sentence mentioning 一级指标).</summary>
    private static bool HasGridWords(IReadOnlyList<RawRow> rows) =>
        rows.Any(r => r.Cells.Any(c => ChineseText.Normalize(c).Contains("二级指标", StringComparison.Ordinal)));

    /// <summary>A cell without the pipes and spaces of a one-cell-per-line copy (<c>项目名称 |</c>).</summary>
    private static string Trim(string cell) => ChineseText.TrimSpace(cell).Trim('|', '｜', ' ', '\t', '\u3000');

    /// <summary>The cells a line holds: the line itself, or its pieces where vocabulary words are glued in it.</summary>
    private static List<string> Tokens(string line)
    {
        var normal = ChineseText.Normalize(line);
        var at = 0;
        var pieces = new List<string>();
        var text = new StringBuilder();
        while (at < normal.Length)
        {
            var word = WordAt(normal, at, whole: at == 0);
            if (word > 0)
            {
                Flush();
                pieces.Add(line.Substring(at, word));
                at += word;
                while (at < normal.Length && normal[at] is ':' or ' ' or '|')
                {
                    at++;
                }

                continue;
            }

            text.Append(line[at]);
            at++;
        }

        Flush();
        return pieces;

        void Flush()
        {
            var piece = text.ToString().Trim(' ', '|', '｜', ':', '：');
            text.Clear();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }
        }
    }

    /// <summary>The length of the vocabulary word at <paramref name="at"/>, 0 when none starts there.</summary>
    private static int WordAt(string normal, int at, bool whole)
    {
        foreach (var word in Vocabulary)
        {
            if (string.CompareOrdinal(normal, at, word, 0, word.Length) == 0)
            {
                return word.Length;
            }
        }

        if (whole && Classify(normal) is not Kind.Text)
        {
            return normal.Length;
        }

        return 0;
    }

    /// <summary>
    /// An indicator's text cut where its value starts, and where a second indicator is glued after the
    /// first value (<c>养护里程≥40公里桥梁检查≥12座</c>); other text comes back whole.
    /// </summary>
    private static IEnumerable<string> SplitIndicators(string text)
    {
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var comparator in Comparators)
            {
                if (string.CompareOrdinal(text, i, comparator, 0, comparator.Length) == 0)
                {
                    positions.Add(i);
                    i += comparator.Length - 1;
                    break;
                }
            }
        }

        if (positions.Count == 0 && QualitativeEnd.Match(text) is { Success: true, Index: > 1 } qualitative)
        {
            // 群众出行条件明显改善: a name with a qualitative value glued to it.
            yield return text[..qualitative.Index];
            yield return text[qualitative.Index..];
            yield break;
        }

        if (positions.Count == 0 && BareValue(text) is > 0 and var at)
        {
            // 活动安全事故 0起 / 覆盖率100%: a value with no comparator, a number and its unit at the end.
            yield return text[..at].Trim();
            yield return text[at..].Trim();
            yield break;
        }

        if (positions.Count == 0 || positions[0] == 0)
        {
            yield return text;
            yield break;
        }

        var start = 0;
        for (var k = 0; k < positions.Count; k++)
        {
            var valueEnd = k + 1 < positions.Count ? ValueEnd(text, positions[k], positions[k + 1]) : text.Length;
            if (valueEnd < 0)
            {
                continue;
            }

            yield return text[start..positions[k]].Trim();
            yield return text[positions[k]..valueEnd].Trim();
            start = valueEnd;
        }
    }

    /// <summary>Where a value starting at <paramref name="from"/> ends before the next comparator: after its number and a known unit; -1 when it cannot be told.</summary>
    private static int ValueEnd(string text, int from, int next)
    {
        var i = from;
        while (i < next && !char.IsDigit(text[i]))
        {
            i++;
        }

        while (i < next && (char.IsDigit(text[i]) || text[i] is '.' or '．' or ','))
        {
            i++;
        }

        foreach (var unit in Units)
        {
            if (string.CompareOrdinal(text, i, unit, 0, unit.Length) == 0 && i + unit.Length < next)
            {
                return i + unit.Length;
            }
        }

        return -1;
    }

    /// <summary>Where a bare number-and-unit value at the end of <paramref name="text"/> starts; -1 when there is none.</summary>
    private static int BareValue(string text)
    {
        var m = BareValueEnd.Match(text);
        return m.Success && m.Index > 0 && !char.IsDigit(text[m.Index - 1]) && text[m.Index - 1] is not ('.' or '．') ? m.Index : -1;
    }

    private static readonly System.Text.RegularExpressions.Regex BareValueEnd = new(
        @"\d+(?:[.．]\d+)?\s*(?:%|％|[\p{IsCJKUnifiedIdeographs}]{1,3})?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.RightToLeft, TimeSpan.FromSeconds(1));

    private enum Kind
    {
        Text,
        Field,
        Header,
        Level,
    }

    private static Kind Classify(string cell)
    {
        if (FormVocabulary.Field(cell) is not FormField.None)
        {
            return Kind.Field;
        }

        if (StrongHeader(cell))
        {
            return Kind.Header;
        }

        return IndicatorVocabulary.TryFindLabel(LevelKey(cell), out _, out _) && LevelKey(cell).EndsWith("指标", StringComparison.Ordinal) ? Kind.Level : Kind.Text;
    }

    /// <summary>A grid column name that is never a field label (年度目标 is both: a field unless in a header row).</summary>
    private static bool StrongHeader(string cell) =>
        FormVocabulary.Column(cell) is not GridColumn.None && FormVocabulary.Field(cell) is FormField.None
        && !IndicatorVocabulary.TryFindLabel(LevelKey(cell), out _, out _);

    private static string LevelKey(string cell)
    {
        var key = ChineseText.Normalize(cell).Replace(" ", "", StringComparison.Ordinal);
        var open = key.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? key[..open] : key;
    }

    private static string[] BuildVocabulary()
    {
        var words = new HashSet<string>(StringComparer.Ordinal)
        {
            "一级指标", "二级指标", "三级指标", "指标名称", "年度指标值", "指标值", "指标解释", "实际完成值", "偏差原因分析及改进措施",
            "主管部门及代码", "主管部门", "实施单位", "项目名称", "项目属性", "项目资金", "年度资金总额", "其中:财政拨款", "财政拨款", "其他资金",
            "年度目标", "中长期目标", "年度总体目标", "项目期", "项目负责人",
        };
        foreach (var (label, _, _) in IndicatorVocabulary.Labels)
        {
            words.Add(label);
        }

        return words.Where(w => w.Length >= 3 || w == "项目期").OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Cells back into rows (see the class summary).</summary>
    private sealed class RowBuilder
    {
        private readonly List<RawRow> _rows = [];
        private List<string>? _row;
        private int _line;
        private List<string>? _header;
        private bool _inGrid;

        // Within an indicator row: the levels met, the name, and the cells after it.
        private string? _level1;
        private string? _level2;
        private string? _name;
        private readonly List<string> _after = [];

        public void Add(string token, bool glued, int line)
        {
            if (glued && _inGrid && Classify(token) is Kind.Text)
            {
                // Cells glued in a grid row: the indicator's name and its value are cut apart first.
                foreach (var piece in SplitIndicators(token))
                {
                    Add(piece, line);
                }

                return;
            }

            Add(token, line);
        }

        private void Add(string token, int line)
        {
            var kind = Classify(token);
            if (_header is not null && !_inGrid)
            {
                if (kind is Kind.Header || (kind is Kind.Field && FormVocabulary.Column(token) is not GridColumn.None))
                {
                    _header.Add(token);
                    return;
                }

                StartGrid();
            }

            if (_inGrid)
            {
                if (kind is Kind.Level)
                {
                    IndicatorVocabulary.TryFindLabel(LevelKey(token), out _, out var level2);
                    if (level2 is null)
                    {
                        CloseIndicator();
                        _level1 = token;
                        _line = line;
                        return;
                    }

                    if (_name is not null || _level2 is not null)
                    {
                        CloseIndicator();
                    }

                    _level2 = token;
                    if (_level1 is null)
                    {
                        _line = line;
                    }

                    return;
                }

                if (kind is Kind.Text && !FormVocabulary.IsFooter(token) && !FormVocabulary.IsTitle(token))
                {
                    if (_name is null)
                    {
                        _name = token;
                        if (_level1 is null && _level2 is null)
                        {
                            _line = line;
                        }

                        return;
                    }

                    if (_after.Count < TrailingColumns())
                    {
                        _after.Add(token);
                        return;
                    }

                    CloseIndicator();
                    _name = token;
                    _line = line;
                    return;
                }

                CloseIndicator();
                _inGrid = false;
                _header = null;
            }

            if (kind is Kind.Header)
            {
                CloseRow();
                _header = [token];
                _line = line;
                return;
            }

            if (kind is Kind.Field)
            {
                var field = FormVocabulary.Field(token);
                if (_row is { Count: 1 } group && FormVocabulary.Field(group[0]) is FormField.FundingGroup
                    && field is FormField.Total or FormField.Fiscal or FormField.Special or FormField.Other or FormField.LongTermTotal)
                {
                    group.Add(token);
                    return;
                }

                CloseRow();
                _row = [token];
                _line = line;
                return;
            }

            if (_row is null)
            {
                _row = [TitleWithin(token)];
                _line = line;
                CloseRow();
                return;
            }

            _row.Add(token);
        }

        /// <summary>The title inside a run of page junk (<c>作者：… 浏览次数：328 2025年项目支出绩效目标表</c>), else the text itself.</summary>
        private static string TitleWithin(string text)
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 1 && parts.LastOrDefault(FormVocabulary.IsTitle) is { } title ? title : text;
        }

        public List<RawRow> Finish()
        {
            if (_header is not null && !_inGrid)
            {
                StartGrid();
            }

            CloseIndicator();
            CloseRow();
            return _rows;
        }

        private int TrailingColumns()
        {
            var name = NameIndex();
            return name < 0 ? 1 : _header!.Count - name - 1;
        }

        private int NameIndex() => _header!.FindIndex(h => FormVocabulary.Column(h) is GridColumn.Name);

        private void StartGrid()
        {
            CloseRow();
            _rows.Add(new RawRow(_line, [.. _header!]));
            _inGrid = true;
        }

        private void CloseIndicator()
        {
            if (!_inGrid || (_name is null && _level1 is null && _level2 is null))
            {
                return;
            }

            var cells = new string[_header!.Count];
            Array.Fill(cells, "");
            var level1 = _header.FindIndex(h => FormVocabulary.Column(h) is GridColumn.Level1);
            var level2 = _header.FindIndex(h => FormVocabulary.Column(h) is GridColumn.Level2);
            var name = NameIndex();
            if (level1 >= 0 && _level1 is not null)
            {
                cells[level1] = _level1;
            }

            if (level2 >= 0 && _level2 is not null)
            {
                cells[level2] = _level2;
            }

            if (name >= 0 && _name is not null && _after.Count == 1 && Side(_name, _after[0]) is { } pairs)
            {
                // 工程质量达标率(%) 开工率(%) / 100% 100%: names on one line and their values on the next, as a
                // PDF's text order gives them; each pair is a row, the levels on the first.
                foreach (var (pairName, pairValue) in pairs)
                {
                    var row = (string[])cells.Clone();
                    row[name] = pairName;
                    if (name + 1 < row.Length)
                    {
                        row[name + 1] = pairValue;
                    }

                    _rows.Add(new RawRow(_line, row));
                    Array.Fill(cells, "");
                }
            }
            else
            {
                if (name >= 0 && _name is not null)
                {
                    cells[name] = _name;
                    for (var i = 0; i < _after.Count && name + 1 + i < cells.Length; i++)
                    {
                        cells[name + 1 + i] = _after[i];
                    }
                }

                _rows.Add(new RawRow(_line, cells));
            }

            _level1 = null;
            _level2 = null;
            _name = null;
            _after.Clear();
        }

        /// <summary>Names and values side by side (as many names separated by spaces as values, every value with a number); null otherwise.</summary>
        private static List<(string Name, string Value)>? Side(string names, string values)
        {
            var n = names.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            var v = values.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            if (n.Length < 2 || n.Length != v.Length || !v.All(x => x.Any(char.IsDigit)) || n.Any(x => x.Any(char.IsDigit) && !x.Contains('(', StringComparison.Ordinal)))
            {
                return null;
            }

            return [.. n.Zip(v)];
        }

        private void CloseRow()
        {
            if (_row is not null)
            {
                _rows.Add(new RawRow(_line, [.. _row]));
                _row = null;
            }
        }
    }
}
