using System.Text;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Rows;

/// <summary>
/// The text of a file once its encoding is known, read from the file's bytes as it is decoded, so a large
/// table is never held twice over (as bytes, and again as a string up to twice their size). What the
/// whole text is needed for (its start, whether it ends with a line break, how many lines it has) is found
/// without building it.
/// </summary>
internal sealed class DecodedText
{
    private static readonly Encoding Utf8NoMark = new UTF8Encoding(false);

    private readonly Func<TextReader> _open;

    /// <param name="open">A reader of the whole text from its start; called once for every read of it.</param>
    /// <param name="endsWithBreak">True when the text's last character is CR or LF.</param>
    /// <param name="lineFeeds">How many LF characters the text holds.</param>
    public DecodedText(Func<TextReader> open, bool endsWithBreak, int lineFeeds)
    {
        _open = open;
        EndsWithBreak = endsWithBreak;
        LineFeeds = lineFeeds;
    }

    /// <summary>
    /// Bytes that are valid UTF-8 from <paramref name="offset"/> on (past any byte-order mark). An LF or a CR
    /// is one byte in UTF-8, never part of another character, so lines are counted on the bytes.
    /// </summary>
    public static DecodedText Utf8(byte[] bytes, int offset) => new(
        () => new StreamReader(new MemoryStream(bytes, offset, bytes.Length - offset, writable: false), Utf8NoMark, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16),
        bytes.Length > offset && bytes[^1] is (byte)'\n' or (byte)'\r',
        bytes.AsSpan(offset).Count((byte)'\n'));

    /// <summary>True when the text ends with a line break (CR or LF).</summary>
    public bool EndsWithBreak { get; }

    /// <summary>How many LF characters the text holds.</summary>
    public int LineFeeds { get; }

    /// <summary>A reader of the whole text from its start.</summary>
    public TextReader Open() => _open();

    /// <summary>The first <paramref name="chars"/> characters (fewer when the text is shorter), for guessing how it is laid out.</summary>
    public string Start(int chars)
    {
        using var reader = Open();
        var start = new char[chars];
        return new string(start, 0, reader.ReadBlock(start, 0, chars));
    }

    /// <summary>True when the text holds nothing but white space (as <see cref="ChineseText.IsBlank(ReadOnlySpan{char})"/> says).</summary>
    public bool IsBlank()
    {
        using var reader = Open();
        var chunk = new char[4096];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (!ChineseText.IsBlank(chunk.AsSpan(0, read)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The whole text as one string.</summary>
    public override string ToString()
    {
        using var reader = Open();
        return reader.ReadToEnd();
    }
}
