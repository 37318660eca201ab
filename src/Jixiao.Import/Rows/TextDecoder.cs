using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Rows;

/// <summary>
/// Turns the bytes of a text or CSV file into a string: UTF-8 (with or without BOM), UTF-16 (with BOM,
/// or without one when its zero bytes give it away), or GB18030 for files saved by Chinese Windows tools.
/// The encoding is chosen on the evidence of the whole file, so damage stays where it is: a byte that is
/// no character costs only its line (replaced by U+FFFD and reported there), a line pasted in GB18030
/// into a UTF-8 file is read as GB18030, and a character cut off at the end of the file is dropped.
/// Refuses content that is binary rather than text.
/// </summary>
internal static class TextDecoder
{
    private const int Gb18030CodePage = 54936;
    private const int Sample = 64 * 1024;

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(
            Gb18030CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"))
        ?? throw new InvalidOperationException("GB18030 is not available.");

    private static readonly Encoding Gb18030Strict = CodePagesEncodingProvider.Instance.GetEncoding(
            Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 is not available.");

    /// <summary>The text of <paramref name="content"/>, null (with the reason in <paramref name="diagnostics"/>) when it is empty or binary.</summary>
    public static DecodedText? Decode(byte[] content, List<Diagnostic> diagnostics)
    {
        var bytes = content.AsSpan();
        if (bytes.IsEmpty)
        {
            diagnostics.Add(Messages.FileEmpty.At(SourceLocation.File));
            return null;
        }

        DecodedText text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = new DecodedText(DecodeMixed(bytes[3..], diagnostics));
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = new DecodedText(DecodeUtf16(bytes[2..], bigEndian: false, diagnostics));
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = new DecodedText(DecodeUtf16(bytes[2..], bigEndian: true, diagnostics));
        }
        else if (Utf8.IsValid(bytes))
        {
            text = new DecodedText(content);
        }
        else if (Utf16WithoutBom(bytes) is { } bigEndian)
        {
            text = new DecodedText(DecodeUtf16(bytes, bigEndian, diagnostics));
        }
        else if (LooksBinary(bytes))
        {
            diagnostics.Add(Messages.FileBinary.At(SourceLocation.File));
            return null;
        }
        else
        {
            text = new DecodedText(DecodeMixed(bytes, diagnostics));
        }

        if (LooksBinary(text.Start(Sample)))
        {
            diagnostics.Add(Messages.FileBinary.At(SourceLocation.File));
            return null;
        }

        if (text.IsBlank())
        {
            diagnostics.Add(Messages.FileEmpty.At(SourceLocation.File));
            return null;
        }

        return text;
    }

    /// <summary>How a line's bytes read.</summary>
    private enum LineKind
    {
        /// <summary>Plain ASCII: the same in every encoding.</summary>
        Ascii,

        /// <summary>Valid UTF-8 with one or two multi-byte characters, which GB18030 bytes could form by chance.</summary>
        Utf8Short,

        /// <summary>Valid UTF-8 with enough multi-byte characters to be sure.</summary>
        Utf8,

        /// <summary>UTF-8 with a few bad bytes among many good characters.</summary>
        Utf8Damaged,

        /// <summary>Not UTF-8, valid GB18030.</summary>
        Gb18030,

        /// <summary>Neither: damaged in whatever encoding the file is in.</summary>
        Damaged,
    }

    /// <summary>
    /// Text that may not be valid UTF-8, decoded line by line. Each line is classified on its own bytes;
    /// the file's encoding is the one most of its lines are in, and a damaged line is decoded in it with
    /// U+FFFD for the bytes that are no character. So a GB18030 file reads as GB18030, a UTF-8 file with
    /// a flipped byte loses only that byte, lines pasted from a file in the other encoding are read in
    /// theirs, and a character cut off at the very end is dropped. Line breaks (CR, LF) are single bytes
    /// in both encodings, never part of a character, so lines can be found before decoding.
    /// </summary>
    private static string DecodeMixed(ReadOnlySpan<byte> bytes, List<Diagnostic> diagnostics)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var kinds = new List<LineKind>();
        int utf8 = 0, gb = 0;
        ForEachLine(bytes, (line, _) =>
        {
            var kind = Classify(line);
            kinds.Add(kind);
            utf8 += kind is LineKind.Utf8 or LineKind.Utf8Damaged ? 1 : 0;
            gb += kind == LineKind.Gb18030 ? 1 : 0;
        });

        var fileIsGb = gb > utf8;
        if (fileIsGb)
        {
            diagnostics.Add(Messages.FileEncoding.At(SourceLocation.File));
        }

        var result = new StringBuilder(bytes.Length);
        var truncated = false;
        ForEachLine(bytes, (line, index) =>
        {
            var at = new SourceLocation(index + 1);
            var kind = kinds[index];
            if (index == kinds.Count - 1 && !fileIsGb && IncompleteUtf8Tail(line) is var tail and > 0
                && Classify(line[..^tail]) is var whole and not (LineKind.Gb18030 or LineKind.Damaged))
            {
                // A UTF-8 file cut inside its last character.
                truncated = true;
                line = line[..^tail];
                kind = whole;
            }

            switch (kind)
            {
                case LineKind.Ascii:
                case LineKind.Utf8 when !fileIsGb:
                case LineKind.Utf8Short when !fileIsGb:
                    result.Append(Encoding.UTF8.GetString(line));
                    break;
                case LineKind.Utf8:
                    result.Append(Encoding.UTF8.GetString(line));
                    diagnostics.Add(Messages.TextLineEncoding.At(at, "UTF-8"));
                    break;
                case LineKind.Gb18030 when fileIsGb:
                case LineKind.Utf8Short:
                    result.Append(Gb18030.GetString(line));
                    break;
                case LineKind.Gb18030:
                    result.Append(Gb18030.GetString(line));
                    diagnostics.Add(Messages.TextLineEncoding.At(at, "GB18030（GBK）"));
                    break;
                case LineKind.Utf8Damaged:
                case LineKind.Damaged:
                    var text = fileIsGb && kind == LineKind.Damaged ? Gb18030.GetString(line) : Encoding.UTF8.GetString(line);
                    var bad = text.Count(c => c == '\uFFFD');
                    if (fileIsGb && index == kinds.Count - 1 && bad == 1 && text.EndsWith('\uFFFD') && line[^1] >= 0x81)
                    {
                        // A GB18030 file cut inside its last character.
                        truncated = true;
                        text = text[..^1];
                    }
                    else
                    {
                        diagnostics.Add(Messages.TextBadBytes.At(at, bad));
                    }

                    result.Append(text);
                    break;
            }
        }, result);

        if (truncated)
        {
            diagnostics.Add(Messages.FileTruncated.At(new SourceLocation(kinds.Count)));
        }

        return result.ToString();
    }

    private static LineKind Classify(ReadOnlySpan<byte> line)
    {
        if (line.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0)
        {
            return LineKind.Ascii;
        }

        var (valid, invalid) = Utf8Evidence(line);
        if (invalid == 0)
        {
            return valid >= 3 ? LineKind.Utf8 : LineKind.Utf8Short;
        }

        if (valid >= invalid * 4)
        {
            return LineKind.Utf8Damaged;
        }

        return TryGb18030(line) is null ? LineKind.Damaged : LineKind.Gb18030;
    }

    private delegate void LineAction(ReadOnlySpan<byte> line, int index);

    /// <summary>
    /// Calls <paramref name="action"/> for each line (without its break) in order; with
    /// <paramref name="breaks"/>, appends each line break there after the line.
    /// </summary>
    private static void ForEachLine(ReadOnlySpan<byte> bytes, LineAction action, StringBuilder? breaks = null)
    {
        var index = 0;
        var start = 0;
        while (true)
        {
            var found = bytes[start..].IndexOfAny((byte)'\r', (byte)'\n');
            var end = found < 0 ? bytes.Length : start + found;
            action(bytes[start..end], index);
            if (end >= bytes.Length)
            {
                return;
            }

            var pair = bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n';
            breaks?.Append(pair ? "\r\n" : bytes[end] == '\r' ? "\r" : "\n");
            start = end + (pair ? 2 : 1);
            index++;
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian, List<Diagnostic> diagnostics)
    {
        var truncated = bytes.Length % 2 == 1;
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var text = encoding.GetString(bytes[..(bytes.Length & ~1)]);
        ReportReplacements(text, diagnostics);
        if (truncated)
        {
            diagnostics.Add(Messages.FileTruncated.At(new SourceLocation(LineCount(text))));
        }

        return text;
    }

    /// <summary>One TEXT-BAD-BYTES per line holding U+FFFD, for decoders that replace as they go.</summary>
    private static void ReportReplacements(string text, List<Diagnostic> diagnostics)
    {
        if (!text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return;
        }

        var line = 1;
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD')
            {
                count++;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                Flush();
                line++;
            }
        }

        Flush();

        void Flush()
        {
            if (count > 0)
            {
                diagnostics.Add(Messages.TextBadBytes.At(new SourceLocation(line), count));
                count = 0;
            }
        }
    }

    /// <summary>The line number of the last line of <paramref name="text"/>, counting CR LF, CR and LF as one break each.</summary>
    private static int LineCount(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return text.Length > 0 && text[^1] is '\n' or '\r' ? lines - 1 : lines;
    }

    private static string? TryGb18030(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Gb18030Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>How many multi-byte UTF-8 characters and how many invalid sequences <paramref name="bytes"/> holds.</summary>
    private static (int Valid, int Invalid) Utf8Evidence(ReadOnlySpan<byte> bytes)
    {
        var valid = 0;
        var invalid = 0;
        var at = 0;
        while (at < bytes.Length)
        {
            var ascii = bytes[at..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            at += ascii;
            var status = System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else if (status == OperationStatus.InvalidData)
            {
                invalid++;
            }

            at += Math.Max(consumed, 1);
        }

        return (valid, invalid);
    }

    /// <summary>How many bytes at the end start a UTF-8 character the file ends before finishing (0–3).</summary>
    private static int IncompleteUtf8Tail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 1;
            return needed > back && System.Text.Rune.DecodeFromUtf8(bytes[^back..], out _, out _) == OperationStatus.NeedMoreData ? back : 0;
        }

        return 0;
    }

    /// <summary>
    /// UTF-16 saved without a byte-order mark: zero bytes in a quarter of one parity and almost none in the
    /// other. True for big-endian, false for little-endian, null when the bytes are not UTF-16.
    /// </summary>
    private static bool? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, Sample) & ~1)];
        if (sample.Length < 8)
        {
            return null;
        }

        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            even += sample[i] == 0 ? 1 : 0;
            odd += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        // Zeros are the high bytes of ASCII characters: common in one parity, rare in the other (U+4E00 has one).
        if (odd * 20 >= pairs && even * 10 < odd)
        {
            return false;
        }

        return even * 20 >= pairs && odd * 10 < even ? true : null;
    }

    /// <summary>Binary rather than damaged text: zero bytes or control codes in more than a small share of the start.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, Sample)];
        var zeros = sample.Count((byte)0);
        var controls = 0;
        foreach (var b in sample)
        {
            controls += b < 0x20 && b is not 0x09 and not 0x0A and not 0x0D and not 0x0C ? 1 : 0;
        }

        return (zeros >= 4 && zeros * 200 > sample.Length) || (controls > 8 && controls * 20 > sample.Length);
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, Sample));
        var suspicious = 0;
        var zeros = 0;
        foreach (var c in sample)
        {
            zeros += c == '\0' ? 1 : 0;
            if ((c < ' ' && c is not '\t' and not '\r' and not '\n' and not '\f') || c == '\uFFFD')
            {
                suspicious++;
            }
        }

        return (zeros >= 4 && zeros * 200 > sample.Length) || (suspicious > 8 && suspicious * 20 > sample.Length);
    }
}
