using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Import.Docx;
using Jixiao.Import.Html;
using Jixiao.Import.Isolation;
using Jixiao.Import.Json;
using Jixiao.Import.Packages;
using Jixiao.Import.Rows;
using Jixiao.Import.Tables;
using Jixiao.Import.Xlsx;

namespace Jixiao.Import;

/// <summary>
/// Reads a 项目支出绩效目标表 from tab-separated text (the published layout), CSV, .xlsx (first sheet) or
/// the JSON this system exports. The format is recognised by content first (a ZIP package, JSON, an old
/// Office or PDF file), then by extension. Never throws on content: every problem comes back in
/// <see cref="ReadResult.Diagnostics"/>, and a read that runs into a limit of its
/// <see cref="ReadOptions"/> gives no document.
/// </summary>
public static class TableReader
{
    private static readonly Dictionary<string, string> RefusedExtensions = new(StringComparer.Ordinal)
    {
        [".doc"] = "Word 97-2003 文档（.doc）",
        [".wps"] = "WPS 文字文档（.wps）",
        [".et"] = "WPS 表格文档（.et）",
        [".zip"] = "ZIP 压缩包（.zip）",
        [".rar"] = "RAR 压缩包（.rar）",
        [".7z"] = "7z 压缩包（.7z）",
    };

    /// <summary>
    /// The extensions a folder is searched for: every kind read, and the kinds refused with a message
    /// (so that a folder of .doc files says what to save them as rather than being passed over).
    /// </summary>
    public static IReadOnlySet<string> TableExtensions { get; } = new HashSet<string>(
        [".txt", ".tsv", ".csv", ".xlsx", ".xlsm", ".xls", ".docx", ".pdf", ".html", ".htm", ".json", .. RefusedExtensions.Keys.Where(e => e is ".doc" or ".wps" or ".et")],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the file at <paramref name="path"/>; a missing or locked file is a diagnostic too.</summary>
    public static ReadResult ReadFile(string path, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ReadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        return Load(path, options, diagnostics) is { } content ? Read(content, Path.GetFileName(path), options) : new ReadResult(null, diagnostics);
    }

    /// <summary>The bytes of the file at <paramref name="path"/>; null, with the reason in <paramref name="diagnostics"/>, when it is missing, locked or too large.</summary>
    internal static byte[]? Load(string path, ReadOptions options, List<Diagnostic> diagnostics)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(Messages.FileUnreadable.At(SourceLocation.File, "文件不存在：" + path));
                return null;
            }

            if (info.Length > options.MaxFileBytes)
            {
                diagnostics.Add(TooLarge(info.Length, options));
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostics.Add(Messages.FileUnreadable.At(SourceLocation.File, e is UnauthorizedAccessException ? "没有读取权限" : "读取时出错，文件可能被占用"));
            return null;
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
                return new ReadResult(null, [TooLarge(buffer.Length + read, options)]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), fileName, options);
    }

    /// <summary>Reads <paramref name="content"/>; the format comes from the content, then from <paramref name="fileName"/>'s extension.</summary>
    public static ReadResult Read(byte[] content, string fileName, ReadOptions? options = null) => Read(content, fileName, options, null);

    /// <summary>
    /// Reads <paramref name="content"/> as <see cref="Read(byte[], string, ReadOptions?)"/> does, but hands
    /// each project to <paramref name="each"/> in table order instead of keeping it: the document that comes
    /// back holds everything else (title, unit, summary, diagnostics) and no projects. A summary table (the
    /// form large tables come in) is read one project at a time, so no more than one is held; other forms
    /// are read whole and then handed on. The diagnostics are those of the whole read. When the read fails
    /// (no document), what was handed on before the failure is not a document: read twice, or discard it.
    /// </summary>
    public static ReadResult Read(byte[] content, string fileName, ReadOptions? options, Action<Project>? each)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ReadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        if (content.LongLength > options.MaxFileBytes)
        {
            diagnostics.Add(TooLarge(content.LongLength, options));
            return new ReadResult(null, diagnostics);
        }

        if (content.Length == 0)
        {
            diagnostics.Add(Messages.FileEmpty.At(SourceLocation.File));
            return new ReadResult(null, diagnostics);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (Refused(content, extension) is { } kind)
        {
            diagnostics.Add(Messages.FileUnsupported.At(SourceLocation.File, kind));
            return new ReadResult(null, diagnostics);
        }

        var budget = new ReadBudget(options);
        var source = new DocumentSource(Path.GetFileName(fileName), Format(content, extension));
        var watch = new Plausibility();
        Action<Project>? handOn = each is null ? null : project =>
        {
            watch.Observe(project);
            each(project);
        };
        DecodedText? text = null;
        var (document, confidence) = source.Format switch
        {
            SourceFormat.Xlsx or SourceFormat.Docx => ReadPackage(content, source, budget, diagnostics, handOn),
            SourceFormat.Json => (DocumentJsonReader.Read(content, source, budget, diagnostics), 1m),
            SourceFormat.Csv or SourceFormat.Text or SourceFormat.Html => ReadText(content, source, budget, diagnostics, handOn, out text),
            SourceFormat.Xls or SourceFormat.Pdf => ReadIsolated(content, source, budget, diagnostics, handOn),
        };

        if (budget.Exhausted is not null)
        {
            diagnostics.Add(budget.Diagnostic());
            return new ReadResult(null, diagnostics);
        }

        if (document is null)
        {
            return new ReadResult(null, diagnostics);
        }

        // A form read whole (or any read not streamed): its projects are handed on, or looked at, now.
        foreach (var project in document.Projects)
        {
            (handOn ?? watch.Observe)(project);
        }

        if (handOn is not null)
        {
            document.RemoveProjects();
        }

        if (source.Format != SourceFormat.Json)
        {
            if (text is not null)
            {
                watch.CheckTruncated(text, diagnostics);
            }

            watch.Report(document.AmountUnit, diagnostics);
        }

        return new ReadResult(document, diagnostics) { Confidence = confidence };
    }

    /// <summary>An Office package: a Word document when it holds one (whatever the name says), otherwise a workbook.</summary>
    private static (TargetDocument?, decimal) ReadPackage(byte[] content, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics, Action<Project>? each)
    {
        var package = OfficePackage.Open(content, budget, diagnostics);
        if (package is null)
        {
            return (null, 0);
        }

        if (DocxGrids.IsDocx(package))
        {
            using var word = DocxGrids.Open(package, diagnostics);
            if (word is null)
            {
                return (null, 0);
            }

            var read = FormReader.Read(word.Grids(), source with { Format = SourceFormat.Docx }, budget, diagnostics, each);
            return word.Failed ? (null, 0) : read;
        }

        using var sheet = XlsxRows.Open(package, diagnostics);
        if (sheet is null)
        {
            return (null, 0);
        }

        var workbook = FormReader.Read(sheet.Sheets(), source with { Format = SourceFormat.Xlsx }, budget, diagnostics, each);
        return sheet.Failed ? (null, 0) : workbook;
    }

    /// <summary>A file whose parser is another's library, read by the worker process (see <see cref="IsolatedReader"/>).</summary>
    private static (TargetDocument?, decimal) ReadIsolated(byte[] content, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics, Action<Project>? each)
    {
        var grids = IsolatedReader.Read(content, source.Format == SourceFormat.Xls ? "xls" : "pdf", budget, diagnostics);
        return grids is null ? (null, 0) : FormReader.Read(grids, source, budget, diagnostics, each);
    }

    /// <summary>A text, CSV or web page; <paramref name="table"/> is the decoded text of delimited rows (null for a web page), for the check of its end.</summary>
    private static (TargetDocument?, decimal) ReadText(byte[] content, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics, Action<Project>? each, out DecodedText? table)
    {
        table = null;
        var text = TextDecoder.Decode(content, diagnostics);
        if (text is null)
        {
            return (null, 0);
        }

        if (source.Format == SourceFormat.Html)
        {
            return FormReader.Read(HtmlGrids.Read(text.ToString(), budget), source, budget, diagnostics, each);
        }

        var maxCell = budget.Options.MaxCellLength;
        var start = text.Start(DelimitedRows.SampleChars);
        var separator = source.Format == SourceFormat.Csv ? '\t' : DelimitedRows.DetectTextSeparator(start);
        var rows = source.Format == SourceFormat.Csv
            ? DelimitedRows.Csv(text.Open(), DelimitedRows.DetectDelimiter(start), maxCell)
            : separator == '\t' ? DelimitedRows.TabSeparated(text.Open(), maxCell) : DelimitedRows.Separated(text.Open(), separator, maxCell);
        table = text;
        return FormReader.Read([new Grid("", rows)], source, budget, diagnostics, each);
    }

    /// <summary>The format by content first: a ZIP package is a workbook and JSON is JSON whatever the name says.</summary>
    private static SourceFormat Format(byte[] content, string extension)
    {
        if (OfficePackage.IsZip(content))
        {
            return extension == ".docx" ? SourceFormat.Docx : SourceFormat.Xlsx;
        }

        if (content.AsSpan().StartsWith(OleSignature))
        {
            return SourceFormat.Xls;
        }

        if (content.AsSpan().StartsWith("%PDF"u8))
        {
            return SourceFormat.Pdf;
        }

        if (extension == ".json" || DocumentJsonReader.LooksLikeJson(content))
        {
            return SourceFormat.Json;
        }

        if (extension is ".html" or ".htm" || LooksLikeHtml(content))
        {
            return SourceFormat.Html;
        }

        return extension switch
        {
            ".csv" => SourceFormat.Csv,
            ".xlsx" or ".xlsm" => SourceFormat.Xlsx,
            ".docx" => SourceFormat.Docx,
            ".xls" => SourceFormat.Xls,
            ".pdf" => SourceFormat.Pdf,
            _ => SourceFormat.Text,
        };
    }

    /// <summary>True when the content opens as a web page (<c>&lt;!DOCTYPE html</c>, <c>&lt;html</c>), past a BOM and white space.</summary>
    private static bool LooksLikeHtml(byte[] content)
    {
        var start = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        var at = start.IndexOfAnyExcept(" \t\r\n"u8);
        if (at < 0)
        {
            return false;
        }

        var head = System.Text.Encoding.ASCII.GetString(start[at..Math.Min(start.Length, at + 15)]).ToLowerInvariant();
        return head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal);
    }

    /// <summary>What kind of file this is when it is one the readers do not take, in Chinese; null otherwise.</summary>
    private static string? Refused(byte[] content, string extension)
    {
        ReadOnlySpan<byte> start = content.AsSpan(0, Math.Min(content.Length, 8));
        if (start.StartsWith(OleSignature) && extension is ".doc" or ".wps" or ".et" or ".dot" or ".ppt")
        {
            return RefusedExtensions.GetValueOrDefault(extension, "Word 97-2003 文档（.doc）或 WPS 文档");
        }

        if (start.StartsWith("Rar!"u8) || start.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF]))
        {
            return "压缩包";
        }

        return RefusedExtensions.GetValueOrDefault(extension);
    }

    /// <summary>The signature of an OLE compound file: Excel 97–2003, Word 97–2003, WPS.</summary>
    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static Diagnostic TooLarge(long size, ReadOptions options) =>
        Messages.FileTooLarge.At(SourceLocation.File, ReadBudget.Size(size), ReadBudget.Size(options.MaxFileBytes));
}
