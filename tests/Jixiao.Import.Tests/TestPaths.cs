namespace Jixiao.Import.Tests;

/// <summary>Locates the repository and the shared folder beside it, wherever the tests run from.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Sample => Path.Combine(RepoRoot, "samples", "qingxi-community-college-2025.txt");

    /// <summary>The published acceptance table in ../shared/seed, null when the shared folder is absent.</summary>
    public static string? SeedTable
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seed", "000_40ca284911398d73.txt"));
            return File.Exists(path) ? path : null;
        }
    }

    public const string SeedAbsent = "../shared/seed/000_40ca284911398d73.txt is not beside this clone; the acceptance test on the published table needs it.";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The input block of a golden spec under <c>tests/Jixiao.Import.Tests/Golden</c>.</summary>
    public static string GoldenInput(string spec)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "tests", "Jixiao.Import.Tests", "Golden", spec)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf("===== input\n", StringComparison.Ordinal) + "===== input\n".Length;
        var to = text.IndexOf("===== expected", StringComparison.Ordinal);
        return text[from..to];
    }
}
