using System.CommandLine;
using Jixiao.Import;
using Jixiao.Import.Json;

namespace Jixiao.Cli;

/// <summary>The <c>jixiao</c> command line; writers are parameters so tests run it in-process.</summary>
public static class CliApp
{
    /// <summary>Exit code: the file was read (diagnostics may still be present).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: the file could not be read at all.</summary>
    public const int Unreadable = 2;

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "绩效目标表文件（.txt、.csv 或 .xlsx）" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "输出格式：text（默认，便于阅读）或 json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var parse = new Command("parse", "读取绩效目标表，输出单位、资金、项目、指标及解析后的指标值，以及读取诊断") { file, format };
        parse.SetAction(result => Parse(result.GetValue(file)!, result.GetValue(format) ?? "text", stdout, stderr));

        var root = new RootCommand("Jixiao 绩效：读取、审核预算绩效目标表") { parse };
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(configuration);
    }

    private static int Parse(FileInfo file, string format, TextWriter stdout, TextWriter stderr)
    {
        var result = TableReader.ReadFile(file.FullName);
        if (!result.IsReadable)
        {
            var reason = result.FatalError?.Message ?? "无法读取文件。";
            stderr.WriteLine($"无法读取 {file.Name}：{reason}");
            return Unreadable;
        }

        if (format == "json")
        {
            stdout.WriteLine(DocumentJson.Serialize(result));
        }
        else
        {
            TextView.Write(stdout, result);
        }

        return Ok;
    }
}
