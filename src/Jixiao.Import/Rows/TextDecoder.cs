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
            text = DecodeMixed(content, 3, diagnostics);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = DecodeUtf16(content, 2, bigEndian: false, diagnostics);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = DecodeUtf16(content, 2, bigEndian: true, diagnostics);
        }
        else if (Utf8.IsValid(bytes))
        {
            text = DecodedText.Utf8(content, 0);
        }
        else if (Utf16WithoutBom(bytes) is { } bigEndian)
        {
            text = DecodeUtf16(content, 0, bigEndian, diagnostics);
        }
        else if (LooksBinary(bytes))
        {
            diagnostics.Add(Messages.FileBinary.At(SourceLocation.File));
            return null;
        }
        else
        {
            text = DecodeMixed(content, 0, diagnostics);
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
    private static DecodedText DecodeMixed(byte[] content, int offset, List<Diagnostic> diagnostics)
    {
        var bytes = content.AsSpan(offset);
        if (Utf8.IsValid(bytes))
        {
            return DecodedText.Utf8(content, offset);
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

        // What each line says of itself, in order; the text is decoded again, line by line, as it is read.
        var truncated = false;
        var lastIsEmpty = false;
        ForEachLine(bytes, (line, index) =>
        {
            var at = new SourceLocation(index + 1);
            var kind = kinds[index];
            if (index < kinds.Count - 1 && kind is not (LineKind.Utf8Damaged or LineKind.Damaged))
            {
                // A whole line in one encoding or the other: what it says follows from its kind, without decoding it.
                if ((kind, fileIsGb) is (LineKind.Utf8, true) or (LineKind.Gb18030, false))
                {
                    diagnostics.Add(Messages.TextLineEncoding.At(at, kind == LineKind.Utf8 ? "UTF-8" : "GB18030（GBK）"));
                }

                return;
            }

            var decoded = DecodeLine(line, index, kinds, fileIsGb);
            truncated |= decoded.Cut;
            lastIsEmpty = decoded.Text.Length == 0;
            if (decoded.OtherEncoding is { } other)
            {
                diagnostics.Add(Messages.TextLineEncoding.At(at, other));
            }

            if (decoded.Bad >= 0)
            {
                diagnostics.Add(Messages.TextBadBytes.At(at, decoded.Bad));
            }
        });

        if (truncated)
        {
            diagnostics.Add(Messages.FileTruncated.At(new SourceLocation(kinds.Count)));
        }

        // The text ends with a break when its last line, once a character cut off there is dropped, is empty.
        return new DecodedText(() => new MixedReader(content, offset, kinds, fileIsGb), kinds.Count > 1 && lastIsEmpty, bytes.Count((byte)'\n'));
    }

    /// <summary>A line of a mixed text as read: its text, the encoding it was in when not the file's, how many bad bytes it had (-1 when none were reported), and whether its last character was cut off.</summary>
    private readonly record struct DecodedLine(string Text, string? OtherEncoding, int Bad, bool Cut);

    /// <summary>Line <paramref name="index"/> decoded in the encoding its bytes are in (see <see cref="DecodeMixed"/>).</summary>
    private static DecodedLine DecodeLine(ReadOnlySpan<byte> line, int index, List<LineKind> kinds, bool fileIsGb)
    {
        var kind = kinds[index];
        var cut = false;
        if (index == kinds.Count - 1 && !fileIsGb && IncompleteUtf8Tail(line) is var tail and > 0
            && Classify(line[..^tail]) is var whole and not (LineKind.Gb18030 or LineKind.Damaged))
        {
            // A UTF-8 file cut inside its last character.
            cut = true;
            line = line[..^tail];
            kind = whole;
        }

        switch (kind)
        {
            case LineKind.Ascii:
            case LineKind.Utf8 when !fileIsGb:
            case LineKind.Utf8Short when !fileIsGb:
                return new(Encoding.UTF8.GetString(line), null, -1, cut);
            case LineKind.Utf8:
                return new(Encoding.UTF8.GetString(line), "UTF-8", -1, cut);
            case LineKind.Gb18030 when fileIsGb:
            case LineKind.Utf8Short:
                return new(Gb18030.GetString(line), null, -1, cut);
            case LineKind.Gb18030:
                return new(Gb18030.GetString(line), "GB18030（GBK）", -1, cut);
            default:
                var text = fileIsGb && kind == LineKind.Damaged ? Gb18030.GetString(line) : Encoding.UTF8.GetString(line);
                var bad = text.AsSpan().Count('\uFFFD');
                if (fileIsGb && index == kinds.Count - 1 && bad == 1 && text.EndsWith('\uFFFD') && line[^1] >= 0x81)
                {
                    // A GB18030 file cut inside its last character.
                    return new(text[..^1], null, -1, true);
                }

                return new(text, null, bad, cut);
        }
    }

    /// <summary>A mixed text read line by line as <see cref="DecodeLine"/> decodes each, with its line breaks as they were.</summary>
    private sealed class MixedReader(byte[] content, int offset, List<LineKind> kinds, bool fileIsGb) : TextReader
    {
        private int _start = offset;
        private int _index;
        private bool _done;
        private string _chunk = "";
        private int _at;

        public override int Peek() => Fill() ? _chunk[_at] : -1;

        public override int Read() => Fill() ? _chunk[_at++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || !Fill())
            {
                return 0;
            }

            var count = Math.Min(buffer.Length, _chunk.Length - _at);
            _chunk.AsSpan(_at, count).CopyTo(buffer);
            _at += count;
            return count;
        }

        private bool Fill()
        {
            while (_at >= _chunk.Length)
            {
                if (_done)
                {
                    return false;
                }

                var bytes = content.AsSpan();
                var (end, next) = LineFrom(bytes, _start);
                var text = DecodeLine(bytes[_start..end], _index, kinds, fileIsGb).Text;
                if (next < 0)
                {
                    _done = true;
                    _chunk = text;
                }
                else
                {
                    _chunk = text + (next - end == 2 ? "\r\n" : bytes[end] == '\r' ? "\r" : "\n");
                    _start = next;
                    _index++;
                }

                _at = 0;
            }

            return true;
        }
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

        return IsGb18030(line) ? LineKind.Gb18030 : LineKind.Damaged;
    }

    private delegate void LineAction(ReadOnlySpan<byte> line, int index);

    /// <summary>Calls <paramref name="action"/> for each line (without its break) in order.</summary>
    private static void ForEachLine(ReadOnlySpan<byte> bytes, LineAction action)
    {
        var index = 0;
        var start = 0;
        while (true)
        {
            var (end, next) = LineFrom(bytes, start);
            action(bytes[start..end], index);
            if (next < 0)
            {
                return;
            }

            start = next;
            index++;
        }
    }

    /// <summary>
    /// Where the line that starts at <paramref name="start"/> ends (at its break, or the end of the bytes) and
    /// where the next one starts, past a CR LF, CR or LF; -1 when it is the last line.
    /// </summary>
    private static (int End, int Next) LineFrom(ReadOnlySpan<byte> bytes, int start)
    {
        var found = bytes[start..].IndexOfAny((byte)'\r', (byte)'\n');
        if (found < 0)
        {
            return (bytes.Length, -1);
        }

        var end = start + found;
        return (end, end + (bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n' ? 2 : 1));
    }

    /// <summary>UTF-16 from <paramref name="offset"/> on; an odd byte at the end (a character cut off) is dropped and said.</summary>
    private static DecodedText DecodeUtf16(byte[] content, int offset, bool bigEndian, List<Diagnostic> diagnostics)
    {
        var length = (content.Length - offset) & ~1;
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);
        TextReader Open() => new StreamReader(new MemoryStream(content, offset, length, writable: false), encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var (lastLine, endsWithBreak, lineFeeds) = ReportReplacements(Open(), diagnostics);
        if ((content.Length - offset) % 2 == 1)
        {
            diagnostics.Add(Messages.FileTruncated.At(new SourceLocation(lastLine)));
        }

        return new DecodedText(Open, endsWithBreak, lineFeeds);
    }

    /// <summary>
    /// One TEXT-BAD-BYTES per line holding U+FFFD, for decoders that replace as they go; and the number of the
    /// text's last line (CR LF, CR and LF each one break), whether it ends with a break, and how many LFs it holds.
    /// </summary>
    private static (int LastLine, bool EndsWithBreak, int LineFeeds) ReportReplacements(TextReader text, List<Diagnostic> diagnostics)
    {
        using (text)
        {
            var chunk = new char[1 << 14];
            var line = 1;
            var count = 0;
            var lineFeeds = 0;
            var afterCr = false;
            var last = '\0';
            int read;
            while ((read = text.Read(chunk, 0, chunk.Length)) > 0)
            {
                foreach (var c in chunk.AsSpan(0, read))
                {
                    if (afterCr)
                    {
                        afterCr = false;
                        if (c == '\n')
                        {
                            // The LF of a CR LF: the break was counted at its CR.
                            lineFeeds++;
                            continue;
                        }
                    }

                    if (c == '\uFFFD')
                    {
                        count++;
                    }
                    else if (c is '\r' or '\n')
                    {
                        lineFeeds += c == '\n' ? 1 : 0;
                        afterCr = c == '\r';
                        Flush();
                        line++;
                    }
                }

                last = chunk[read - 1];
            }

            Flush();
            var endsWithBreak = last is '\n' or '\r';
            return (endsWithBreak ? line - 1 : line, endsWithBreak, lineFeeds);

            void Flush()
            {
                if (count > 0)
                {
                    diagnostics.Add(Messages.TextBadBytes.At(new SourceLocation(line), count));
                    count = 0;
                }
            }
        }
    }

    /// <summary>True when <paramref name="bytes"/> are valid GB18030 (counted, not decoded).</summary>
    private static bool IsGb18030(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Gb18030Strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
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
