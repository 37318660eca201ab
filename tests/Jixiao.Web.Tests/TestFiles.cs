using System.IO.Compression;

namespace Jixiao.Web.Tests;

internal static class TestFiles
{
    /// <summary>A 64 MB sheet of zeros compressed into a few kilobytes, named like a workbook.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        return stream.ToArray();
    }
}
