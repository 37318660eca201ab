using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Import.Rows;
using Jixiao.Import.Tables;
using Jixiao.Import.Xlsx;

namespace Jixiao.Import;

/// <summary>
/// Reads a 项目支出绩效目标表 from tab-separated text (the published layout), CSV or .xlsx (first sheet).
/// Never throws on content: every problem comes back in <see cref="ReadResult.Diagnostics"/>.
/// </summary>
public static class TableReader
{
    private static readonly string[] RefusedExtensions = [".xls", ".doc", ".docx", ".pdf", ".wps", ".et", ".zip", ".rar"];

    /// <summary>Reads the file at <paramref name="path"/>; a missing or locked file is a diagnostic too.</summary>
    public static ReadResult ReadFile(string path, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ReadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(Messages.FileUnreadable.At(SourceLocation.File, "文件不存在：" + path));
                return new ReadResult(null, diagnostics);
            }

            if (info.Length > options.MaxFileBytes)
            {
                diagnostics.Add(Messages.FileTooLarge.At(SourceLocation.File, info.Length, options.MaxFileBytes));
                return new ReadResult(null, diagnostics);
            }

            return Read(File.ReadAllBytes(path), info.Name, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostics.Add(Messages.FileUnreadable.At(SourceLocation.File, e.Message));
            return new ReadResult(null, diagnostics);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end (up to the size limit), then the content.</summary>
    public static ReadResult Read(Stream stream, string fileName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ReadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
            {
                return new ReadResult(null, [Messages.FileTooLarge.At(SourceLocation.File, buffer.Length + read, options.MaxFileBytes)]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), fileName, options);
    }

    /// <summary>Reads <paramref name="content"/>; the format comes from <paramref name="fileName"/>'s extension, or the content when it has none.</summary>
    public static ReadResult Read(byte[] content, string fileName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ReadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        if (content.LongLength > options.MaxFileBytes)
        {
            diagnostics.Add(Messages.FileTooLarge.At(SourceLocation.File, content.LongLength, options.MaxFileBytes));
            return new ReadResult(null, diagnostics);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (RefusedExtensions.Contains(extension))
        {
            diagnostics.Add(Messages.FileUnsupported.At(SourceLocation.File, extension));
            return new ReadResult(null, diagnostics);
        }

        var format = extension switch
        {
            ".txt" or ".tsv" or ".text" => SourceFormat.Text,
            ".csv" => SourceFormat.Csv,
            ".xlsx" or ".xlsm" => SourceFormat.Xlsx,
            _ => content.Length >= 2 && content[0] == 'P' && content[1] == 'K' ? SourceFormat.Xlsx : SourceFormat.Text,
        };

        if (content.Length == 0)
        {
            diagnostics.Add(Messages.FileEmpty.At(SourceLocation.File));
            return new ReadResult(null, diagnostics);
        }

        IEnumerable<RawRow>? rows = format switch
        {
            SourceFormat.Xlsx => XlsxRows.Read(content, options, diagnostics),
            SourceFormat.Csv => TextRows(content, diagnostics, csv: true),
            SourceFormat.Text => TextRows(content, diagnostics, csv: false),
        };

        if (rows is null)
        {
            return new ReadResult(null, diagnostics);
        }

        var source = new DocumentSource(Path.GetFileName(fileName), format);
        var document = TableInterpreter.Interpret(rows, source, options, diagnostics);
        return new ReadResult(document, diagnostics);
    }

    private static IEnumerable<RawRow>? TextRows(byte[] content, List<Diagnostic> diagnostics, bool csv)
    {
        var text = TextDecoder.Decode(content, diagnostics);
        if (text is null)
        {
            return null;
        }

        return csv ? DelimitedRows.Csv(text, DelimitedRows.DetectDelimiter(text)) : DelimitedRows.TabSeparated(text);
    }
}
