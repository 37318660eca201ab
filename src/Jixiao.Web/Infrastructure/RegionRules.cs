using System.Security.Cryptography;
using System.Text;

namespace Jixiao.Web.Infrastructure;

/// <summary>A set of rules in force and a short fingerprint of the files it was read from.</summary>
/// <param name="Settings">Review, scoring and monitoring settings.</param>
/// <param name="Digest">Changes whenever the files behind <paramref name="Settings"/> change; stored with each review.</param>
public sealed record RulesInForce(ReviewSettings Settings, string Digest);

/// <summary>
/// The rules the server applies, read once at start from configuration: <c>Jixiao:RulesFile</c> over
/// the defaults it is given, and <c>Jixiao:RegionRules</c> (a region's or department's name in the unit
/// tree → its own file, read over <c>Jixiao:RulesFile</c>). A table is reviewed, scored and monitored by
/// the rules of the nearest of its unit and the unit's ancestors that has a file. A file that cannot be
/// read stops the server with the reason, rather than leaving a different set of rules silently in force.
/// </summary>
public sealed class RegionRules
{
    /// <summary>A rules file larger than this is not a rules file.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private readonly IReadOnlyDictionary<string, RulesInForce> _byRegion;

    private RegionRules(RulesInForce defaults, IReadOnlyDictionary<string, RulesInForce> byRegion)
    {
        Default = defaults;
        _byRegion = byRegion;
    }

    /// <summary>The rules for a unit no region file covers.</summary>
    public RulesInForce Default { get; }

    /// <summary>The regions (or departments) with their own rules, by name.</summary>
    public IReadOnlyCollection<string> Regions => [.. _byRegion.Keys];

    /// <summary>The rules of the nearest of <paramref name="unitAndAncestors"/> (the unit first) that has its own file.</summary>
    public RulesInForce For(IEnumerable<string> unitAndAncestors)
    {
        ArgumentNullException.ThrowIfNull(unitAndAncestors);
        foreach (var name in unitAndAncestors)
        {
            if (_byRegion.TryGetValue(name, out var rules))
            {
                return rules;
            }
        }

        return Default;
    }

    /// <summary>Only <paramref name="defaults"/>, for a server with no rules files (and for tests).</summary>
    public static RegionRules Only(ReviewSettings defaults) => new(new RulesInForce(defaults, Fingerprint([])), new Dictionary<string, RulesInForce>());

    /// <summary>Reads the configured files over <paramref name="defaults"/>; paths are relative to <paramref name="contentRoot"/>.</summary>
    /// <exception cref="InvalidOperationException">A configured file is missing, too large or not valid; the message says which and why, in Chinese.</exception>
    public static RegionRules Load(IConfiguration configuration, ReviewSettings defaults, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var texts = new List<string>();
        var baseRules = defaults;
        if (configuration["Jixiao:RulesFile"] is { Length: > 0 } rulesFile)
        {
            var text = ReadFile(rulesFile, contentRoot);
            baseRules = ParseOrThrow(text, rulesFile, defaults);
            texts.Add(text);
        }

        var regions = new Dictionary<string, RulesInForce>(StringComparer.Ordinal);
        foreach (var region in configuration.GetSection("Jixiao:RegionRules").GetChildren())
        {
            if (string.IsNullOrWhiteSpace(region.Value))
            {
                continue;
            }

            var text = ReadFile(region.Value, contentRoot);
            regions[region.Key.Trim()] = new RulesInForce(ParseOrThrow(text, region.Value, baseRules), Fingerprint([.. texts, region.Key, text]));
        }

        return new RegionRules(new RulesInForce(baseRules, Fingerprint(texts)), regions);
    }

    private static string ReadFile(string path, string contentRoot)
    {
        var full = Path.GetFullPath(path, contentRoot);
        var file = new FileInfo(full);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"找不到审核规则文件 {path}。");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new InvalidOperationException($"审核规则文件 {path} 超过 1 MB，不像是规则文件。");
        }

        return File.ReadAllText(full);
    }

    private static ReviewSettings ParseOrThrow(string text, string path, ReviewSettings over) =>
        ReviewSettings.Parse(text, out var errors, over)
            ?? throw new InvalidOperationException($"审核规则文件 {path} 有误：{string.Join("；", errors)}");

    /// <summary>The same files give the same digest; any change gives another. The empty list is the bundled default.</summary>
    private static string Fingerprint(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? "default" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', texts))))[..16];
}
