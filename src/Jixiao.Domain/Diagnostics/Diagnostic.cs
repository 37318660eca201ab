using System.Globalization;

namespace Jixiao.Domain.Diagnostics;

/// <summary>How serious a finding about user content is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>Probably wrong or lossy; the content was still read.</summary>
    Warning,

    /// <summary>Wrong: part of the content could not be read, or the file not at all.</summary>
    Error,
}

/// <summary>
/// Where in the source a diagnostic points. <see cref="Line"/> is the 1-based line of a text or CSV file
/// or the 1-based row of a sheet; <see cref="Column"/> the 1-based cell in that row; <see cref="Cell"/>
/// the sheet reference (<c>B12</c>) for spreadsheets. All null: the file as a whole.
/// </summary>
public readonly record struct SourceLocation(int? Line, int? Column = null, string? Cell = null)
{
    /// <summary>The whole file.</summary>
    public static SourceLocation File => default;

    /// <summary>Chinese rendering such as <c>第12行</c>, <c>第12行第3列</c> or <c>单元格 B12</c>.</summary>
    public override string ToString()
    {
        if (Cell is not null)
        {
            return "单元格 " + Cell;
        }

        if (Line is null)
        {
            return "文件";
        }

        var line = "第" + Line.Value.ToString(CultureInfo.InvariantCulture) + "行";
        return Column is null ? line : line + "第" + Column.Value.ToString(CultureInfo.InvariantCulture) + "列";
    }
}

/// <summary>A problem found in user content: a stable code, a severity, a Chinese message and a location.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location);

/// <summary>One entry of the message catalogue: code, severity and a Chinese message template.</summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Template)
{
    /// <summary>A diagnostic at <paramref name="location"/>, the template filled with <paramref name="args"/>.</summary>
    public Diagnostic At(SourceLocation location, params object?[] args) =>
        new(Code, Severity, string.Format(CultureInfo.InvariantCulture, Template, args), location);
}
