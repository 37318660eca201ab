using System.Text;

namespace Jixiao.Import.Tests;

/// <summary>
/// Runs every <c>Golden/*.spec</c>: header lines (<c>format:</c>, <c>origin:</c>, <c>merges:</c> for xlsx, <c>input-file:</c>), an input
/// block and the expected dump. Set JIXIAO_BLESS=1 to rewrite the expected blocks from the current output.
/// </summary>
public class GoldenTests
{
    private const string InputMarker = "===== input";
    private const string ExpectedMarker = "===== expected";

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SpecDirectory, "*.spec").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string SpecDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Golden");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_ReadsAsExpected(string name)
    {
        var path = Path.Combine(SpecDirectory, name);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expectedAt = text.IndexOf(ExpectedMarker, StringComparison.Ordinal);
        Assert.True(expectedAt >= 0, $"{name}: no '{ExpectedMarker}' line");
        var head = text[..expectedAt];
        var expected = text[(expectedAt + ExpectedMarker.Length)..].TrimStart('\n');

        var (bytes, format) = Input(head);
        var actual = GoldenDump.Render(TableReader.Read(bytes, "fixture." + format));
        if (Environment.GetEnvironmentVariable("JIXIAO_BLESS") == "1")
        {
            File.WriteAllText(path, text[..(expectedAt + ExpectedMarker.Length)] + "\n" + actual);
            return;
        }

        if (expected != actual)
        {
            Assert.Fail($"{name} differs.\n--- expected ---\n{GoldenDump.Visible(expected)}\n--- actual ---\n{GoldenDump.Visible(actual)}\n(JIXIAO_BLESS=1 rewrites the expected block)");
        }
    }

    /// <summary>
    /// Every spec read one project at a time gives what the whole read gives: the same JSON, byte for
    /// byte, whether the projects are handed over during one read or a second read runs as the JSON is written.
    /// </summary>
    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_ReadOneProjectAtATime_GivesTheWholeRead(string name)
    {
        var text = File.ReadAllText(Path.Combine(SpecDirectory, name)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (bytes, format) = Input(text[..text.IndexOf(ExpectedMarker, StringComparison.Ordinal)]);
        var whole = TableReader.Read(bytes, "fixture." + format);
        var wholeJson = Contracts.DocumentJson.Serialize(whole.ToJson());

        var handed = new List<Domain.Documents.Project>();
        var streamed = TableReader.Read(bytes, "fixture." + format, null, handed.Add);
        Assert.Equal(whole.IsReadable, streamed.IsReadable);
        if (streamed.Document is { } header)
        {
            Assert.Empty(header.Projects);
            Assert.Equal(wholeJson, Contracts.DocumentJson.Serialize(streamed.ToJson() with
            {
                Projects = Contracts.DocumentJson.ProjectsAsTaken(handed, handed.Count, header.AmountUnit),
            }));
        }
        else
        {
            Assert.Equal(wholeJson, Contracts.DocumentJson.Serialize(streamed.ToJson()));
        }

        var file = Path.Combine(Path.GetTempPath(), $"jixiao-golden-{Guid.NewGuid():N}.{format}");
        File.WriteAllBytes(file, bytes);
        try
        {
            var twice = StreamedTable.ReadFile(file);
            Assert.Equal(wholeJson.Replace("\"fixture." + format + "\"", "\"" + Path.GetFileName(file) + "\"", StringComparison.Ordinal),
                Contracts.DocumentJson.Serialize(twice.ToJson()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The bytes a spec's header and input block describe, and the extension to read them under.</summary>
    private static (byte[] Bytes, string Format) Input(string head)
    {
        var settings = ParseSettings(head, out var input);
        var format = settings.GetValueOrDefault("format", "txt");
        if (settings.TryGetValue("input-file", out var inputFile))
        {
            return (File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, inputFile)), format);
        }

        if (format == "xlsx")
        {
            var (row, column) = Origin(settings.GetValueOrDefault("origin", "A1"));
            var rows = input.Split('\n').Select(line => line.Split('\t'));
            var merges = settings.TryGetValue("merges", out var ranges) ? ranges.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null;
            return (XlsxBuilder.Build([new TestSheet("绩效目标表", rows, merges, FirstRow: row, FirstColumn: column)]), format);
        }

        return (Encoding.UTF8.GetBytes(input), format);
    }

    private static Dictionary<string, string> ParseSettings(string head, out string input)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var inputAt = head.IndexOf(InputMarker, StringComparison.Ordinal);
        var header = inputAt >= 0 ? head[..inputAt] : head;
        input = inputAt >= 0 ? head[(inputAt + InputMarker.Length + 1)..] : "";
        if (input.EndsWith('\n'))
        {
            input = input[..^1];
        }

        foreach (var line in header.Split('\n'))
        {
            if (line.StartsWith('#') || !line.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            settings[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return settings;
    }

    private static (int Row, int Column) Origin(string reference)
    {
        var column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetterUpper(reference[i]))
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
            i++;
        }

        return (int.Parse(reference[i..], System.Globalization.CultureInfo.InvariantCulture), column - 1);
    }
}
