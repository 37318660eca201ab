namespace Jixiao.Domain.Text;

/// <summary>
/// CSV cells that a spreadsheet opens as text, never as a formula (OWASP, "CSV Injection"): a cell
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a
/// leading <c>'</c>, except a plain number such as <c>-1,212.50</c>, which a spreadsheet only shows.
/// <see cref="Unprotect"/> undoes <see cref="Protect"/> exactly, so a table exported as CSV reads back
/// to the same text: a cell that itself starts with <c>'</c> before one of those characters (or before
/// another <c>'</c>) is protected too, so the prefix is always the writer's.
/// </summary>
public static class CsvCells
{
    /// <summary>The cell as written to a CSV file.</summary>
    public static string Protect(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return NeedsPrefix(cell) ? "'" + cell : cell;
    }

    /// <summary>The cell as read from a CSV file: without the prefix <see cref="Protect"/> adds.</summary>
    public static string Unprotect(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length >= 2 && cell[0] == '\'' && (IsTrigger(cell[1]) || cell[1] == '\'') ? cell[1..] : cell;
    }

    /// <summary>True when a spreadsheet would evaluate the cell (or when it could be mistaken for a protected one).</summary>
    public static bool NeedsPrefix(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0)
        {
            return false;
        }

        if (cell[0] == '\'')
        {
            return cell.Length >= 2 && (IsTrigger(cell[1]) || cell[1] == '\'');
        }

        return IsTrigger(cell[0]) && !IsPlainNumber(cell);
    }

    /// <summary>The characters that make a spreadsheet read a cell as a formula.</summary>
    public static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A sign, digits (thousands commas allowed) and at most one decimal point, nothing else: a number a spreadsheet shows as it is.</summary>
    private static bool IsPlainNumber(string cell)
    {
        var digits = 0;
        var points = 0;
        for (var i = 1; i < cell.Length; i++)
        {
            var c = cell[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if ((c == '.' && ++points == 1) || (c == ',' && points == 0 && digits > 0))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return cell[0] is '-' or '+' && digits > 0;
    }
}
