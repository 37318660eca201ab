using System.Text;
using System.Text.Unicode;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Rows;

/// <summary>
/// Turns the bytes of a text or CSV file into a string: UTF-8 (with or without BOM), UTF-16 with BOM,
/// or GB18030 for files saved by Chinese Windows tools. Refuses binary content.
/// </summary>
internal static class TextDecoder
{
    private const int Gb18030CodePage = 54936;

    public static string? Decode(ReadOnlySpan<byte> bytes, List<Diagnostic> diagnostics)
    {
        if (bytes.IsEmpty)
        {
            diagnostics.Add(Messages.FileEmpty.At(SourceLocation.File));
            return null;
        }

        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
        }
        else
        {
            if (LooksBinary(bytes))
            {
                diagnostics.Add(Messages.FileBinary.At(SourceLocation.File));
                return null;
            }

            var gb = CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)
                ?? throw new InvalidOperationException("GB18030 is not available.");
            text = gb.GetString(bytes);
            diagnostics.Add(Messages.FileEncoding.At(SourceLocation.File));
        }

        if (LooksBinary(text))
        {
            diagnostics.Add(Messages.FileBinary.At(SourceLocation.File));
            return null;
        }

        if (ChineseText.IsBlank(text))
        {
            diagnostics.Add(Messages.FileEmpty.At(SourceLocation.File));
            return null;
        }

        return text;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        return sample.Contains((byte)0);
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if ((c < ' ' && c is not '\t' and not '\r' and not '\n' and not '\f') || c == '\uFFFD')
            {
                suspicious++;
            }
        }

        return suspicious > 8 && suspicious * 100 > sample.Length;
    }
}
