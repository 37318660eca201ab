using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Packages;

/// <summary>
/// An Office Open XML package (.xlsx, .docx) opened for reading untrusted content: the ZIP directory is
/// checked before it is opened (at most 10,000 parts), every part is read through an <see cref="XmlReader"/>
/// one node at a time with DTDs refused, nesting checked on every element and every unzipped byte charged
/// to the read's budget, so nothing recurses on the depth of the input or holds more than a bounded node.
/// A package that breaks mid-way is marked <see cref="Failed"/> with a diagnostic; a caller then keeps none
/// of what it read.
/// </summary>
internal sealed class OfficePackage : IDisposable
{
    /// <summary>The relationships namespace of Office Open XML.</summary>
    public const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const int MaxEntries = 10_000;

    private readonly ZipArchive _zip;
    private readonly ReadBudget _budget;
    private readonly List<Diagnostic> _diagnostics;

    private OfficePackage(ZipArchive zip, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        _zip = zip;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    /// <summary>True when the package broke while it was read (a diagnostic says how).</summary>
    public bool Failed { get; private set; }

    public ReadBudget Budget => _budget;

    /// <summary>The package in <paramref name="bytes"/>, null with a diagnostic when it is no ZIP package or its directory is missing or too large.</summary>
    public static OfficePackage? Open(byte[] bytes, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        if (!IsZip(bytes))
        {
            diagnostics.Add(Messages.XlsxNotZip.At(SourceLocation.File));
            return null;
        }

        if (DeclaredEntries(bytes) is not { } entries)
        {
            diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, "找不到 ZIP 目录，文件可能不完整"));
            return null;
        }

        if (entries > MaxEntries)
        {
            diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, $"包含 {ReadBudget.Count(entries)} 个部件，远多于正常的文件"));
            return null;
        }

        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);

            // The directory is read here, once: a damaged one is refused now rather than at the first part.
            _ = zip.Entries.Count;
            return new OfficePackage(zip, budget, diagnostics);
        }
        catch (InvalidDataException)
        {
            zip?.Dispose();
            diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, "ZIP 目录已损坏"));
            return null;
        }
    }

    /// <summary>True when <paramref name="bytes"/> start like a ZIP package.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>True when the package holds a part at <paramref name="path"/> (case-insensitive).</summary>
    public bool Has(string path) => Guard(() => Entry(path) is not null);

    public void Dispose() => _zip.Dispose();

    /// <summary>Runs a step of reading, turning a broken package into a diagnostic; default when it broke or ran out of budget.</summary>
    public T? Guard<T>(Func<T?> step)
    {
        if (Failed)
        {
            return default;
        }

        try
        {
            var result = step();
            if (_budget.Exhausted is not null)
            {
                Failed = true;
                return default;
            }

            return result;
        }
        catch (XmlException e) when (_budget.Exhausted is null && e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            Fail("含有 DTD 声明，正常的文件没有，可能是 XML 实体炸弹");
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or NotSupportedException or DecoderFallbackException or FormatException or OverflowException)
        {
            if (_budget.Exhausted is null)
            {
                Fail(e is XmlException ? "XML 内容不完整或格式错误" : "压缩数据已损坏");
            }
        }

        Failed = true;
        return default;
    }

    public void Fail(string reason)
    {
        if (!Failed)
        {
            _diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, reason));
        }

        Failed = true;
    }

    /// <summary>The workbook part named by the package's root relationships, null when they are absent.</summary>
    public string? MainPart() =>
        Relationships("").Values.Where(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault();

    /// <summary>The relationships of a part (id → target path within the package, type).</summary>
    public Dictionary<string, (string Target, string Type)> Relationships(string partPath)
    {
        var folder = partPath.Contains('/', StringComparison.Ordinal) ? partPath[..(partPath.LastIndexOf('/') + 1)] : "";
        var relsPath = folder + "_rels/" + partPath[folder.Length..] + ".rels";
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var xml = OpenPart(relsPath);
        while (xml is not null && Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target
                && !string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                result.TryAdd(id, (Resolve(folder, target), xml.GetAttribute("Type") ?? ""));
            }
        }

        return result;
    }

    /// <summary>A relationship target as a path from the package root (<c>/xl/x.xml</c>, <c>x.xml</c> or <c>../x.xml</c>).</summary>
    public static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var part in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// Appends the text node at the reader in chunks, keeping at most one character past the cell-length
    /// limit (so the row is reported as too long) without holding a long text whole.
    /// </summary>
    public void AppendText(XmlReader xml, StringBuilder text)
    {
        var cap = _budget.Options.MaxCellLength + 1;
        if (!xml.CanReadValueChunk)
        {
            text.Append(xml.Value.AsSpan(0, Math.Min(xml.Value.Length, Math.Max(0, cap - text.Length))));
            return;
        }

        var chunk = new char[4096];
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, Math.Min(read, Math.Max(0, cap - text.Length)));
        }
    }

    /// <summary>One step of the reader, within budget: nesting checked on every element, the clock now and then.</summary>
    public bool Read(XmlReader xml)
    {
        if (!xml.Read())
        {
            return false;
        }

        if (xml.NodeType == XmlNodeType.Element && !_budget.Depth(xml.Depth + 1, SourceLocation.File))
        {
            return false;
        }

        return _budget.Tick();
    }

    /// <summary>A part's XML reader, null when the package has no such part.</summary>
    public XmlReader? OpenPart(string path)
    {
        var entry = Entry(path);
        if (entry is null)
        {
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new BudgetStream(entry.Open(), entry.CompressedLength, _budget), settings);
    }

    private ZipArchiveEntry? Entry(string path) =>
        _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The number of entries the ZIP's end-of-central-directory record declares, null when there is none.</summary>
    private static int? DeclaredEntries(byte[] bytes)
    {
        var earliest = Math.Max(0, bytes.Length - 22 - 65_535);
        for (var at = bytes.Length - 22; at >= earliest; at--)
        {
            if (bytes[at] == 'P' && bytes[at + 1] == 'K' && bytes[at + 2] == 5 && bytes[at + 3] == 6)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10, 2));
            }
        }

        return null;
    }

    /// <summary>
    /// An unzipping stream that charges every byte it produces to the budget, stops a part that expands
    /// far beyond its compressed size, and stops one whose tags or runs of text between tags are longer
    /// than a workbook ever has (an XML reader would hold such a node whole); at a limit it ends (the
    /// reader then sees an early end).
    /// </summary>
    private sealed class BudgetStream(Stream inner, long compressedLength, ReadBudget budget) : Stream
    {
        private const long LargePart = 1024 * 1024;
        private long _produced;
        private int _run;
        private bool _inTag;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _produced;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (budget.Exhausted is not null)
            {
                return 0;
            }

            var read = inner.Read(buffer);
            _produced += read;
            if (_produced > LargePart && _produced / Math.Max(1, compressedLength) > budget.Options.MaxCompressionRatio)
            {
                budget.Ratio(SourceLocation.File);
                return 0;
            }

            if (!NodesWithinLimit(buffer[..read]))
            {
                budget.NodeTooLong();
                return 0;
            }

            return budget.Uncompressed(read) || read == 0 ? read : 0;
        }

        /// <summary>Counts bytes since the last '&lt;' or '&gt;', inside a tag or in text; false when a run passes its limit.</summary>
        private bool NodesWithinLimit(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                var limit = _inTag ? budget.Options.MaxXmlTagBytes : budget.Options.MaxXmlTextBytes;
                var mark = bytes.IndexOfAny((byte)'<', (byte)'>');
                if (mark < 0)
                {
                    _run += bytes.Length;
                    return _run <= limit;
                }

                if (_run + mark > limit)
                {
                    return false;
                }

                _inTag = bytes[mark] == '<';
                _run = 0;
                bytes = bytes[(mark + 1)..];
            }

            return true;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
