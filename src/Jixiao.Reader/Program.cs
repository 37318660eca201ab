using System.Globalization;
using System.Text;
using Jixiao.Import.Isolation;
using Jixiao.Reader;

// The reader worker: reads one .xls or .pdf from standard input and writes its grids to standard output
// (GridProtocol), so a parser's failure on a hostile file ends this process, never the one that asked.
// Arguments: the kind (xls or pdf) and the longest cell kept.
if (args.Length < 2 || args[0] is not ("xls" or "pdf") || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var maxCell))
{
    Console.Error.WriteLine("usage: jixiao-reader xls|pdf MAX-CELL-LENGTH < file");
    return 1;
}

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
using var input = new MemoryStream();
Console.OpenStandardInput().CopyTo(input);
var bytes = input.ToArray();
using var output = Console.OpenStandardOutput();
try
{
    var grids = args[0] == "xls" ? XlsGrids.Read(bytes, maxCell) : PdfGrids.Read(bytes, maxCell);
    if (grids is null)
    {
        GridProtocol.Refuse(output, GridProtocol.NoTextLayer, "没有文字层");
        return 0;
    }

    GridProtocol.Write(output, grids);
    return 0;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Whatever the library threw on this file: it is damaged, or not of its kind.
    GridProtocol.Refuse(output, GridProtocol.Damaged, args[0] == "xls" ? "工作簿已损坏或不是 Excel 97-2003 格式" : "PDF 文件已损坏或无法解析");
    return 0;
}
