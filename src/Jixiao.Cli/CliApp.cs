using System.CommandLine;
using System.Text;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Review;
using Jixiao.Contracts;
using Jixiao.Export.Review;
using Jixiao.Import;

namespace Jixiao.Cli;

/// <summary>The <c>jixiao</c> command line; writers are parameters so tests run it in-process.</summary>
public static class CliApp
{
    /// <summary>Exit code: the command did its work (a file read with diagnostics, or a review with findings, is still success).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a file or the rules file could not be read, or the output could not be written.</summary>
    public const int Unreadable = 2;

    /// <summary>A rules file is a few kilobytes; anything over this is not one.</summary>
    private const long MaxRulesBytes = 1024 * 1024;

    /// <summary>An actuals file has a row or two per indicator; this is far more than any table needs.</summary>
    private const long MaxActualsBytes = 64L * 1024 * 1024;

    /// <summary>Files above this size get a progress line while they are read.</summary>
    private const long LargeFileBytes = 10 * 1024 * 1024;

    /// <summary>Reviews of at least this many projects say so before they start.</summary>
    private const int LargeReviewProjects = 10_000;

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Jixiao 绩效：读取、审核预算绩效目标表") { ParseCommand(stdout, stderr), ReviewCommand(stdout, stderr), RulesCommand(stdout, stderr), ScoreCommand(stdout, stderr), UserCommand.Create(stdout, stderr) };
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(configuration);
    }

    private static Command ParseCommand(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("FILE")
        {
            Description = "绩效目标表文件（.xlsx、.xls、.docx、.pdf、.html、.csv、.txt 或本系统导出的 .json），可以是多个文件或文件夹",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = FormatOption("输出格式：text（默认，便于阅读）或 json（多个文件时每行一个 JSON 文档）", "text", "json");
        var parse = new Command("parse", "读取绩效目标表，输出单位、资金、项目、指标及解析后的指标值，以及读取诊断") { paths, format };
        parse.SetAction(result => Parse(result.GetValue(paths)!, result.GetValue(format) ?? "text", stdout, stderr));
        return parse;
    }

    private static Command ReviewCommand(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "一个或多个绩效目标表文件；多个文件一起审核，可发现跨项目、跨年度的雷同", Arity = ArgumentArity.OneOrMore };
        var rules = new Option<FileInfo?>("--rules") { Description = "审核规则文件（JSON），默认使用内置的全国默认规则" };
        var format = FormatOption("输出格式：text（默认）、json、html 或 xlsx", "text", "json", "html", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "输出文件；不指定时写到标准输出（xlsx 必须指定）" };
        var review = new Command("review", "审核绩效目标表：算术、完整性、量化、适当性、一致性、雷同，给出发现、修改建议和质量分") { files, rules, format, output };
        review.SetAction(result => Review(
            result.GetValue(files)!, result.GetValue(rules), result.GetValue(format) ?? "text", result.GetValue(output), stdout, stderr));
        return review;
    }

    private static Command RulesCommand(TextWriter stdout, TextWriter stderr)
    {
        var rules = new Option<FileInfo?>("--rules") { Description = "审核规则文件（JSON），显示该文件下各规则的级别" };
        var command = new Command("rules", "列出全部审核规则（Markdown），即 docs/review-rules.md 的规则部分") { rules };
        command.SetAction(result =>
        {
            if (LoadSettings(result.GetValue(rules), stderr) is not { } settings)
            {
                return Unreadable;
            }

            stdout.Write(RulesMarkdown.Render(settings));
            return Ok;
        });
        return command;
    }

    private static Command ScoreCommand(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "绩效目标表文件（.xlsx、.xls、.docx、.pdf、.html、.csv、.txt 或本系统导出的 .json）" };
        var actuals = new Option<FileInfo>("--actuals") { Description = "年终实绩 CSV：表头 project,seq,actual,percent,note", Required = true };
        var rules = new Option<FileInfo?>("--rules") { Description = "规则文件（JSON），其中 scoring 一节的计分口径；默认全国口径" };
        var format = FormatOption("输出格式：text（默认）、json 或 xlsx（项目支出绩效自评表）", "text", "json", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "输出文件；不指定时写到标准输出（xlsx 必须指定）" };
        var command = new Command("score", "绩效自评计分：按实际完成值为各项目打分，给出每项得分的计算过程、总分和等级") { file, actuals, rules, format, output };
        command.SetAction(result => Score(result.GetValue(file)!, result.GetValue(actuals)!, result.GetValue(rules), result.GetValue(format) ?? "text", result.GetValue(output), stdout, stderr));
        return command;
    }

    private static int Score(FileInfo file, FileInfo actualsFile, FileInfo? rulesFile, string format, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        if (format == "xlsx" && output is null)
        {
            stderr.WriteLine("xlsx 格式需要用 -o 指定输出文件，例如：jixiao score 表.txt --actuals 实绩.csv -f xlsx -o 自评表.xlsx");
            return Unreadable;
        }

        if (LoadSettings(rulesFile, stderr) is not { } settings)
        {
            return Unreadable;
        }

        var read = TableReader.ReadFile(file.FullName);
        if (read.Document is not { } document)
        {
            stderr.WriteLine($"无法读取 {file.Name}：{read.FatalError?.Message ?? "无法读取文件。"}");
            return Unreadable;
        }

        byte[] content;
        try
        {
            if (actualsFile.Exists && actualsFile.Length > MaxActualsBytes)
            {
                stderr.WriteLine($"实绩文件 {actualsFile.Name} 超过 {MaxActualsBytes / 1024 / 1024} MB 的上限，未读取。");
                return Unreadable;
            }

            content = File.ReadAllBytes(actualsFile.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法读取实绩文件 {actualsFile.Name}：{e.Message}");
            return Unreadable;
        }

        var actuals = Import.Actuals.ActualsReader.Read(content, document, settings.Scoring);
        if (actuals.Errors.Count > 0)
        {
            stderr.WriteLine($"实绩文件 {actualsFile.Name} 有 {actuals.Errors.Count} 处错误，未计分：");
            foreach (var error in actuals.Errors)
            {
                stderr.WriteLine("  " + error);
            }

            return Unreadable;
        }

        var scored = actuals.Projects.Select(p => new Export.Scoring.ScoredProject(p.Project, p.Actuals, Domain.Scoring.Scorer.Score(p.Project, p.Actuals, settings.Scoring))).ToList();
        var missingNotes = scored.SelectMany(s => Domain.Scoring.DeviationNotes.Missing(s.Project, s.Actuals, s.Score)).ToList();
        if (missingNotes.Count > 0)
        {
            stderr.WriteLine($"实绩文件 {actualsFile.Name} 有 {missingNotes.Count} 处缺少偏差原因，未计分：");
            foreach (var message in missingNotes)
            {
                stderr.WriteLine("  " + message);
            }

            return Unreadable;
        }

        var scores = scored.Select(s => s.Score).ToList();
        try
        {
            WriteTo(output, stdout, format == "xlsx", (stream, writer) =>
            {
                if (format == "xlsx")
                {
                    Export.Scoring.SelfEvaluationXlsx.Write(stream!, document.Unit.Name,
                        Domain.Review.NameKeys.FirstYear(document.Title) ?? Domain.Review.NameKeys.FirstYear(document.Source.FileName), scored);
                }
                else if (format == "json")
                {
                    writer!.WriteLine(Export.Scoring.ScoreReport.Json(scores));
                }
                else
                {
                    Export.Scoring.ScoreReport.Text(writer!, scores);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法写入 {output?.Name}：{e.Message}");
            return Unreadable;
        }

        return Ok;
    }

    private static Option<string> FormatOption(string description, params string[] formats)
    {
        var format = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => formats[0] };
        format.AcceptOnlyFromAmong(formats);
        return format;
    }

    private static int Parse(string[] paths, string format, TextWriter stdout, TextWriter stderr)
    {
        if (paths.Length == 1 && !Directory.Exists(paths[0]))
        {
            return ParseOne(new FileInfo(paths[0]), format, stdout, stderr);
        }

        // Many files: each is read, written and forgotten before the next, so memory does not grow with
        // the folder; JSON is one document per line. An unreadable file does not stop the others.
        var files = new List<FileInfo>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => TableReader.TableExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new FileInfo(f)));
            }
            else
            {
                files.Add(new FileInfo(path));
            }
        }

        if (files.Count == 0)
        {
            stderr.WriteLine("没有找到可读取的绩效目标表文件（.xlsx、.xls、.docx、.pdf、.html、.csv、.txt、.json）。");
            return Unreadable;
        }

        var failed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            stderr.WriteLine($"正在读取（{i + 1}/{files.Count}）{files[i].Name}");

            // A large file's JSON line is written as its projects are read a second time (see ParseOne).
            var streamed = ReadsTwice(files[i], format) ? StreamedTable.ReadFile(files[i].FullName) : null;
            var result = streamed?.Result ?? TableReader.ReadFile(files[i].FullName);
            if (!result.IsReadable)
            {
                stderr.WriteLine($"无法读取 {files[i].Name}：{result.FatalError?.Message ?? "无法读取文件。"}");
                failed++;
            }

            if (format == "json")
            {
                var dto = streamed?.ToJson() ?? result.ToJson();
                DocumentJson.WriteLine(stdout, dto.Source is null ? dto with { Source = new SourceDto(files[i].Name, "unreadable") } : dto);
            }
            else if (result.IsReadable)
            {
                stdout.WriteLine($"==== {files[i].Name} ====");
                TextView.Write(stdout, result);
                stdout.WriteLine();
            }
        }

        stderr.WriteLine(failed == 0 ? $"已读取 {files.Count} 个文件。" : $"已读取 {files.Count - failed} 个文件，{failed} 个无法读取。");
        return failed == 0 ? Ok : Unreadable;
    }

    /// <summary>True when <paramref name="file"/> is large enough that its JSON is written from a second read rather than held.</summary>
    private static bool ReadsTwice(FileInfo file, string format) => format == "json" && file.Exists && file.Length > LargeFileBytes;

    private static int ParseOne(FileInfo file, string format, TextWriter stdout, TextWriter stderr)
    {
        if (ReadsTwice(file, format))
        {
            // A large table is read twice rather than held: once to check it, once as its JSON is written.
            stderr.WriteLine($"正在读取 {file.Name}");
            var table = StreamedTable.ReadFile(file.FullName);
            if (!table.Result.IsReadable)
            {
                stderr.WriteLine($"无法读取 {file.Name}：{table.Result.FatalError?.Message ?? "无法读取文件。"}");
                return Unreadable;
            }

            stderr.WriteLine($"已读取 {table.ProjectCount} 个项目，正在写出");
            DocumentJson.Write(stdout, table.ToJson());
            return Ok;
        }

        var result = TableReader.ReadFile(file.FullName);
        if (!result.IsReadable)
        {
            stderr.WriteLine($"无法读取 {file.Name}：{result.FatalError?.Message ?? "无法读取文件。"}");
            return Unreadable;
        }

        if (format == "json")
        {
            DocumentJson.Write(stdout, result.ToJson());
        }
        else
        {
            TextView.Write(stdout, result);
        }

        return Ok;
    }

    private static int Review(FileInfo[] files, FileInfo? rulesFile, string format, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        if (format == "xlsx" && output is null)
        {
            stderr.WriteLine("xlsx 格式需要用 -o 指定输出文件，例如：jixiao review 表.txt -f xlsx -o 审核结果.xlsx");
            return Unreadable;
        }

        if (LoadSettings(rulesFile, stderr) is not { } settings)
        {
            return Unreadable;
        }

        // All files are read before anything is reviewed or written: one unreadable file stops the
        // whole run, so a report never silently leaves a document out.
        var documents = new List<TargetDocument>(files.Length);
        var failed = false;
        for (var i = 0; i < files.Length; i++)
        {
            if (files.Length > 1 || (files[i].Exists && files[i].Length > LargeFileBytes))
            {
                stderr.WriteLine($"正在读取（{i + 1}/{files.Length}）{files[i].Name}");
            }

            var result = TableReader.ReadFile(files[i].FullName);
            if (result.IsReadable)
            {
                documents.Add(result.Document!);
            }
            else
            {
                stderr.WriteLine($"无法读取 {files[i].Name}：{result.FatalError?.Message ?? "无法读取文件。"}");
                failed = true;
            }
        }

        if (failed)
        {
            stderr.WriteLine("有文件无法读取，未进行审核。");
            return Unreadable;
        }

        var projects = documents.Sum(d => d.Projects.Count);
        if (projects >= LargeReviewProjects)
        {
            stderr.WriteLine($"正在审核 {documents.Count} 个文件、{projects} 个项目……");
        }

        var report = Reviewer.Review(documents, settings);
        try
        {
            WriteTo(output, stdout, format == "xlsx", (stream, writer) =>
            {
                if (format == "xlsx")
                {
                    ReviewXlsx.Write(stream!, report);
                }
                else
                {
                    Render(report, format, writer!);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法写入 {output?.Name}：{e.Message}");
            return Unreadable;
        }

        if (output is not null)
        {
            stderr.WriteLine($"审核结果已写入 {output.Name}：错误 {report.Count(Domain.Diagnostics.Severity.Error)} 条，警告 {report.Count(Domain.Diagnostics.Severity.Warning)} 条，提示 {report.Count(Domain.Diagnostics.Severity.Info)} 条。");
        }

        return Ok;
    }

    private static void Render(ReviewReport report, string format, TextWriter writer)
    {
        switch (format)
        {
            case "json":
                ReviewJson.Write(writer, report);
                break;
            case "html":
                ReviewHtml.Write(writer, report);
                break;
            default:
                ReviewText.Write(writer, report);
                break;
        }
    }

    /// <summary>Writes to standard output, or to <paramref name="output"/> through a temporary file so a failed run leaves nothing half-written.</summary>
    private static void WriteTo(FileInfo? output, TextWriter stdout, bool binary, Action<Stream?, TextWriter?> write)
    {
        if (output is null)
        {
            write(null, stdout);
            return;
        }

        var temporary = output.FullName + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                if (binary)
                {
                    write(stream, null);
                }
                else
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    write(null, writer);
                }
            }

            File.Move(temporary, output.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static ReviewSettings? LoadSettings(FileInfo? rulesFile, TextWriter stderr)
    {
        if (rulesFile is null)
        {
            return ReviewSettings.National;
        }

        string json;
        try
        {
            if (rulesFile.Exists && rulesFile.Length > MaxRulesBytes)
            {
                stderr.WriteLine($"审核规则文件 {rulesFile.Name} 超过 {MaxRulesBytes / 1024 / 1024} MB，不像是规则文件，未读取。");
                return null;
            }

            json = File.ReadAllText(rulesFile.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法读取审核规则文件 {rulesFile.Name}：{e.Message}");
            return null;
        }

        var settings = ReviewSettings.Parse(json, out var errors);
        foreach (var error in errors)
        {
            stderr.WriteLine($"{rulesFile.Name}：{error}");
        }

        return settings;
    }
}
