namespace Jixiao.Web.Tests;

internal static class TestFiles
{
    /// <summary>A workbook whose sheet unzips to 48 MB of white space from under 64 KB.</summary>
    public static byte[] ZipBomb() => Jixiao.Tests.Hostile.HostileCorpus.Named("zip-bomb").Build();
}
