using System.Text;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Rows;

/// <summary>
/// The text of a file once its encoding is known. A file that is valid UTF-8 without a byte-order mark
/// (nearly every large table) stays as its bytes and is decoded as it is read, so a large table is never
/// held twice over, as bytes and again as a string twice their size. Any other file (GB18030, UTF-16,
/// mixed or damaged lines) was decoded line by line into a string, and reads from that.
/// </summary>
internal sealed class DecodedText
{
    private readonly string? _text;
    private readonly byte[]? _utf8;

    public DecodedText(string text) => _text = text;

    /// <param name="utf8">Bytes that are valid UTF-8 and do not start with a byte-order mark.</param>
    public DecodedText(byte[] utf8) => _utf8 = utf8;

    /// <summary>True when the text ends with a line break (CR or LF).</summary>
    public bool EndsWithBreak => _text is not null
        ? _text.Length > 0 && _text[^1] is '\n' or '\r'
        : _utf8!.Length > 0 && _utf8[^1] is (byte)'\n' or (byte)'\r';

    /// <summary>How many LF characters the text holds (an LF is one byte in UTF-8, never part of another character).</summary>
    public int LineFeeds => _text is not null ? _text.AsSpan().Count('\n') : _utf8!.AsSpan().Count((byte)'\n');

    /// <summary>A reader of the whole text from its start.</summary>
    public TextReader Open() => _text is not null
        ? new StringReader(_text)
        : new StreamReader(new MemoryStream(_utf8!, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);

    /// <summary>The first <paramref name="chars"/> characters (fewer when the text is shorter), for guessing how it is laid out.</summary>
    public string Start(int chars)
    {
        if (_text is not null)
        {
            return _text.Length <= chars ? _text : _text[..chars];
        }

        // At most three bytes a character below U+10000 (four for two UTF-16 units above it): this many bytes are enough.
        var end = (int)Math.Min(_utf8!.Length, chars * 3L);
        while (end < _utf8.Length && end > 0 && (_utf8[end] & 0xC0) == 0x80)
        {
            end--;
        }

        var start = Encoding.UTF8.GetString(_utf8, 0, end);
        return start.Length <= chars ? start : start[..chars];
    }

    /// <summary>True when the text holds nothing but white space (as <see cref="ChineseText.IsBlank(ReadOnlySpan{char})"/> says).</summary>
    public bool IsBlank()
    {
        if (_text is not null)
        {
            return ChineseText.IsBlank(_text);
        }

        var bytes = _utf8!.AsSpan();
        var at = 0;
        while (at < bytes.Length && bytes[at] < 0x80)
        {
            if (!ChineseText.IsSpace((char)bytes[at]))
            {
                return false;
            }

            at++;
        }

        // Past the ASCII white space: the rest decides, a window at a time.
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[4096];
        while (at < bytes.Length)
        {
            var take = Math.Min(bytes.Length - at, chars.Length);
            var count = decoder.GetChars(bytes.Slice(at, take), chars, flush: at + take == bytes.Length);
            if (!ChineseText.IsBlank(chars.AsSpan(0, count)))
            {
                return false;
            }

            at += take;
        }

        return true;
    }

    /// <summary>The whole text as one string.</summary>
    public override string ToString() => _text ?? Encoding.UTF8.GetString(_utf8!);
}
