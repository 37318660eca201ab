using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Review;

/// <summary>Points taken off the quality score per finding.</summary>
/// <param name="Error">Per error-severity finding.</param>
/// <param name="Warning">Per warning.</param>
/// <param name="Info">Per info.</param>
/// <param name="MaxPerRule">How many findings of one rule count against one project (or the unit).</param>
public sealed record ScoreWeights(decimal Error, decimal Warning, decimal Info, int MaxPerRule)
{
    /// <summary>The weight of one finding of <paramref name="severity"/>.</summary>
    public decimal Of(Severity severity) => severity switch
    {
        Severity.Error => Error,
        Severity.Warning => Warning,
        Severity.Info => Info,
    };
}

/// <summary>
/// What varies by region and year: required level-1 categories, keyword lists, thresholds, score weights
/// and per-rule severities. Read from a rules file (JSON, comments allowed); a file only needs the
/// settings it changes, the rest come from the bundled national default (<see cref="National"/>).
/// </summary>
public sealed record ReviewSettings
{
    private static readonly Lazy<ReviewSettings> NationalDefault = new(LoadNational);

    /// <summary>The bundled national default.</summary>
    public static ReviewSettings National => NationalDefault.Value;

    /// <summary>The name shown in reports.</summary>
    public required string Name { get; init; }

    /// <summary>The region the rules are for (<c>全国</c> for the default).</summary>
    public required string Region { get; init; }

    /// <summary>The budget year the rules are for; null when they apply to any year.</summary>
    public int? Year { get; init; }

    /// <summary>Level-1 categories every project must have.</summary>
    public required IReadOnlyList<Level1> RequiredLevel1 { get; init; }

    /// <summary>Words that mark a budget-management row used as a performance indicator.</summary>
    public required IReadOnlyList<string> BudgetManagementKeywords { get; init; }

    /// <summary>Words that mark a satisfaction indicator.</summary>
    public required IReadOnlyList<string> SatisfactionKeywords { get; init; }

    /// <summary>Words that mark an accident indicator, which is not an output.</summary>
    public required IReadOnlyList<string> AccidentKeywords { get; init; }

    /// <summary>Words in a name that allow a percentage above 100 (growth and the like).</summary>
    public required IReadOnlyList<string> PercentMayExceed100Keywords { get; init; }

    /// <summary>The largest difference, in the table's amount unit, still taken as rounding (0.01 by default).</summary>
    public required decimal RoundingTolerance { get; init; }

    /// <summary>How many indicators of a project must carry one value before it counts as pasted.</summary>
    public required int PastedValueMinCount { get; init; }

    /// <summary>Values that are naturally common (<c>100%</c>, <c>0</c>) and never count as pasted.</summary>
    public required IReadOnlyList<string> PastedValueIgnored { get; init; }

    /// <summary>Jaccard similarity of indicator-name sets (0–1) at or above which two projects are near-identical.</summary>
    public required double CopyMinSimilarity { get; init; }

    /// <summary>Projects with fewer indicators are not compared for copying.</summary>
    public required int CopyMinIndicators { get; init; }

    /// <summary>Quality score weights.</summary>
    public required ScoreWeights Score { get; init; }

    /// <summary>In-year monitoring warning thresholds.</summary>
    public Monitoring.MonitoringSettings Monitoring { get; init; } = Jixiao.Domain.Monitoring.MonitoringSettings.National;

    /// <summary>Self-evaluation scoring: points, rules, bands and grades.</summary>
    public ScoringSettings Scoring { get; init; } = ScoringSettings.National;

    /// <summary>Severity overrides by rule code; a null value switches the rule off.</summary>
    public required IReadOnlyDictionary<string, Severity?> Severities { get; init; }

    /// <summary>The severity of <paramref name="rule"/> under these settings; null when it is switched off.</summary>
    public Severity? SeverityOf(ReviewRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Severities.TryGetValue(rule.Code, out var severity) ? severity : rule.Severity;
    }

    /// <summary>
    /// Reads a rules file over <paramref name="baseSettings"/> (the national default when null). Returns
    /// null with Chinese messages when the file is not valid; unknown settings and rule codes are errors,
    /// so a typo never silently leaves a default in force.
    /// </summary>
    public static ReviewSettings? Parse(string json, out IReadOnlyList<string> errors, ReviewSettings? baseSettings = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        errors = problems;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            problems.Add($"审核规则文件不是有效的 JSON（第 {(e.LineNumber ?? 0) + 1} 行）：{e.Message}");
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("审核规则文件的顶层必须是一个 JSON 对象（{ … }）。");
                return null;
            }

            var result = new SettingsReader(baseSettings ?? National, problems).Read(document.RootElement);
            return problems.Count == 0 ? result : null;
        }
    }

    private static ReviewSettings LoadNational()
    {
        using var stream = typeof(ReviewSettings).Assembly.GetManifestResourceStream("Jixiao.Domain.Review.national.json")
            ?? throw new InvalidOperationException("The national rules file is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var empty = new ReviewSettings
        {
            Name = "",
            Region = "",
            RequiredLevel1 = [],
            BudgetManagementKeywords = [],
            SatisfactionKeywords = [],
            AccidentKeywords = [],
            PercentMayExceed100Keywords = [],
            RoundingTolerance = 0m,
            PastedValueMinCount = int.MaxValue,
            PastedValueIgnored = [],
            CopyMinSimilarity = 1,
            CopyMinIndicators = int.MaxValue,
            Score = new ScoreWeights(0, 0, 0, 0),
            Severities = new Dictionary<string, Severity?>(StringComparer.Ordinal),
        };
        return Parse(reader.ReadToEnd(), out var errors, empty)
            ?? throw new InvalidOperationException("The national rules file is invalid: " + string.Join("; ", errors));
    }

    /// <summary>Reads one rules-file object over a base, collecting every problem rather than stopping at the first.</summary>
    private sealed class SettingsReader(ReviewSettings settings, List<string> problems)
    {
        private ReviewSettings _settings = settings;

        public ReviewSettings Read(JsonElement root)
        {
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "name":
                        _settings = _settings with { Name = Text(value, property.Name) ?? _settings.Name };
                        break;
                    case "region":
                        _settings = _settings with { Region = Text(value, property.Name) ?? _settings.Region };
                        break;
                    case "year":
                        _settings = _settings with { Year = value.ValueKind == JsonValueKind.Null ? null : Integer(value, property.Name, 1990, 2100) };
                        break;
                    case "requiredLevel1":
                        _settings = _settings with { RequiredLevel1 = Levels(value, property.Name) ?? _settings.RequiredLevel1 };
                        break;
                    case "budgetManagementKeywords":
                        _settings = _settings with { BudgetManagementKeywords = Words(value, property.Name) ?? _settings.BudgetManagementKeywords };
                        break;
                    case "satisfactionKeywords":
                        _settings = _settings with { SatisfactionKeywords = Words(value, property.Name) ?? _settings.SatisfactionKeywords };
                        break;
                    case "accidentKeywords":
                        _settings = _settings with { AccidentKeywords = Words(value, property.Name) ?? _settings.AccidentKeywords };
                        break;
                    case "percentMayExceed100Keywords":
                        _settings = _settings with { PercentMayExceed100Keywords = Words(value, property.Name) ?? _settings.PercentMayExceed100Keywords };
                        break;
                    case "roundingTolerance":
                        _settings = _settings with { RoundingTolerance = Number(value, property.Name, 0m, 1000m) ?? _settings.RoundingTolerance };
                        break;
                    case "pastedValue":
                        ReadPasted(value, property.Name);
                        break;
                    case "copying":
                        ReadCopying(value, property.Name);
                        break;
                    case "score":
                        ReadScore(value, property.Name);
                        break;
                    case "severities":
                        ReadSeverities(value, property.Name);
                        break;
                    case "scoring":
                        ReadScoring(value, property.Name);
                        break;
                    case "monitoring":
                        ReadMonitoring(value, property.Name);
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{property.Name}”。");
                        break;
                }
            }

            return _settings;
        }

        private void ReadPasted(JsonElement value, string path)
        {
            foreach (var property in Members(value, path))
            {
                var name = path + "." + property.Name;
                switch (property.Name)
                {
                    case "minCount":
                        _settings = _settings with { PastedValueMinCount = Integer(property.Value, name, 2, 1000) ?? _settings.PastedValueMinCount };
                        break;
                    case "ignoredValues":
                        _settings = _settings with { PastedValueIgnored = Words(property.Value, name) ?? _settings.PastedValueIgnored };
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                        break;
                }
            }
        }

        private void ReadCopying(JsonElement value, string path)
        {
            foreach (var property in Members(value, path))
            {
                var name = path + "." + property.Name;
                switch (property.Name)
                {
                    case "minSimilarity":
                        var similarity = Number(property.Value, name, 0.5m, 1m);
                        _settings = _settings with { CopyMinSimilarity = similarity is null ? _settings.CopyMinSimilarity : (double)similarity.Value };
                        break;
                    case "minIndicators":
                        _settings = _settings with { CopyMinIndicators = Integer(property.Value, name, 1, 1000) ?? _settings.CopyMinIndicators };
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                        break;
                }
            }
        }

        private void ReadScore(JsonElement value, string path)
        {
            var score = _settings.Score;
            foreach (var property in Members(value, path))
            {
                var name = path + "." + property.Name;
                switch (property.Name)
                {
                    case "error":
                        score = score with { Error = Number(property.Value, name, 0m, 100m) ?? score.Error };
                        break;
                    case "warning":
                        score = score with { Warning = Number(property.Value, name, 0m, 100m) ?? score.Warning };
                        break;
                    case "info":
                        score = score with { Info = Number(property.Value, name, 0m, 100m) ?? score.Info };
                        break;
                    case "maxPerRule":
                        score = score with { MaxPerRule = Integer(property.Value, name, 1, 1000) ?? score.MaxPerRule };
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                        break;
                }
            }

            _settings = _settings with { Score = score };
        }

        private void ReadMonitoring(JsonElement value, string path)
        {
            var monitoring = _settings.Monitoring;
            foreach (var property in Members(value, path))
            {
                var name = path + "." + property.Name;
                switch (property.Name)
                {
                    case "executionLagYellow":
                        monitoring = monitoring with { ExecutionLagYellow = Number(property.Value, name, 0m, 100m) ?? monitoring.ExecutionLagYellow };
                        break;
                    case "executionLagRed":
                        monitoring = monitoring with { ExecutionLagRed = Number(property.Value, name, 0m, 100m) ?? monitoring.ExecutionLagRed };
                        break;
                    case "projectedShortRed":
                        monitoring = monitoring with { ProjectedShortRed = Number(property.Value, name, 0m, 1m) ?? monitoring.ProjectedShortRed };
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                        break;
                }
            }

            if (monitoring.ExecutionLagRed < monitoring.ExecutionLagYellow)
            {
                problems.Add("审核规则文件中 monitoring.executionLagRed 不能小于 executionLagYellow。");
            }

            _settings = _settings with { Monitoring = monitoring };
        }

        private void ReadScoring(JsonElement value, string path)
        {
            var scoring = _settings.Scoring;
            foreach (var property in Members(value, path))
            {
                var name = path + "." + property.Name;
                switch (property.Name)
                {
                    case "executionPoints":
                        scoring = scoring with { ExecutionPoints = Number(property.Value, name, 0m, 100m) ?? scoring.ExecutionPoints };
                        break;
                    case "level1Points":
                        var points = new Dictionary<Level1, decimal>(scoring.Level1Points);
                        foreach (var level in Members(property.Value, name))
                        {
                            if (IndicatorVocabulary.TryFindLabel(level.Name, out var level1, out _))
                            {
                                points[level1] = Number(level.Value, name + "." + level.Name, 0m, 100m) ?? points[level1];
                            }
                            else
                            {
                                problems.Add($"审核规则文件中的“{name}”含有无法识别的一级指标“{level.Name}”，应为 产出、效益、满意度 或 成本。");
                            }
                        }

                        scoring = scoring with { Level1Points = points };
                        break;
                    case "lowerIsBetter":
                        switch (property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null)
                        {
                            case "ratio":
                                scoring = scoring with { LowerIsBetter = LowerIsBetterRule.Ratio };
                                break;
                            case "linear":
                                scoring = scoring with { LowerIsBetter = LowerIsBetterRule.Linear };
                                break;
                            default:
                                problems.Add($"审核规则文件中的“{name}”只能是 \"ratio\"（比例法）或 \"linear\"（线性法）。");
                                break;
                        }

                        break;
                    case "achieved":
                        scoring = scoring with { Achieved = Band(property.Value, name) ?? scoring.Achieved };
                        break;
                    case "partial":
                        scoring = scoring with { Partial = Band(property.Value, name) ?? scoring.Partial };
                        break;
                    case "notAchieved":
                        scoring = scoring with { NotAchieved = Band(property.Value, name) ?? scoring.NotAchieved };
                        break;
                    case "grades":
                        foreach (var grade in Members(property.Value, name))
                        {
                            var bound = Number(grade.Value, name + "." + grade.Name, 0m, 100m);
                            switch (grade.Name)
                            {
                                case "优":
                                    scoring = scoring with { Excellent = bound ?? scoring.Excellent };
                                    break;
                                case "良":
                                    scoring = scoring with { Good = bound ?? scoring.Good };
                                    break;
                                case "中":
                                    scoring = scoring with { Fair = bound ?? scoring.Fair };
                                    break;
                                default:
                                    problems.Add($"审核规则文件中的“{name}”只能设置 优、良、中 的最低分。");
                                    break;
                            }
                        }

                        break;
                    case "deviationNoteShare":
                        scoring = scoring with { DeviationNoteShare = Number(property.Value, name, 0m, 10m) ?? scoring.DeviationNoteShare };
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                        break;
                }
            }

            if (!(scoring.Excellent >= scoring.Good && scoring.Good >= scoring.Fair))
            {
                problems.Add("审核规则文件中的等级分数线应满足 优 ≥ 良 ≥ 中。");
            }

            _settings = _settings with { Scoring = scoring };
        }

        private BandRange? Band(JsonElement value, string path)
        {
            decimal? min = null, max = null, fallback = null;
            foreach (var property in Members(value, path))
            {
                var name = path + "." + property.Name;
                switch (property.Name)
                {
                    case "min":
                        min = Number(property.Value, name, 0m, 100m);
                        break;
                    case "max":
                        max = Number(property.Value, name, 0m, 100m);
                        break;
                    case "default":
                        fallback = Number(property.Value, name, 0m, 100m);
                        break;
                    default:
                        problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                        break;
                }
            }

            if (min is null || max is null || fallback is null || min > max || fallback < min || fallback > max)
            {
                problems.Add($"审核规则文件中的“{path}”须写明 min、max、default（百分数），且 min ≤ default ≤ max。");
                return null;
            }

            return new BandRange(min.Value, max.Value, fallback.Value);
        }

        private void ReadSeverities(JsonElement value, string path)
        {
            var severities = new Dictionary<string, Severity?>(_settings.Severities, StringComparer.Ordinal);
            foreach (var property in Members(value, path))
            {
                if (ReviewRules.Find(property.Name) is null)
                {
                    problems.Add($"审核规则文件 severities 中的规则代码“{property.Name}”不存在。");
                    continue;
                }

                switch (property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null)
                {
                    case "error":
                        severities[property.Name] = Severity.Error;
                        break;
                    case "warning":
                        severities[property.Name] = Severity.Warning;
                        break;
                    case "info":
                        severities[property.Name] = Severity.Info;
                        break;
                    case "off":
                        severities[property.Name] = null;
                        break;
                    default:
                        problems.Add($"审核规则文件中规则“{property.Name}”的严重程度只能是 \"error\"、\"warning\"、\"info\" 或 \"off\"。");
                        break;
                }
            }

            _settings = _settings with { Severities = severities };
        }

        private IEnumerable<JsonProperty> Members(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                return value.EnumerateObject();
            }

            problems.Add($"审核规则文件中的“{path}”必须是一个对象（{{ … }}）。");
            return [];
        }

        private string? Text(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            problems.Add($"审核规则文件中的“{path}”必须是文字。");
            return null;
        }

        private decimal? Number(JsonElement value, string path, decimal min, decimal max)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= min && number <= max)
            {
                return number;
            }

            problems.Add(string.Format(CultureInfo.InvariantCulture, "审核规则文件中的“{0}”必须是 {1} 到 {2} 之间的数。", path, min, max));
            return null;
        }

        private int? Integer(JsonElement value, string path, int min, int max)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
            {
                return number;
            }

            problems.Add(string.Format(CultureInfo.InvariantCulture, "审核规则文件中的“{0}”必须是 {1} 到 {2} 之间的整数。", path, min, max));
            return null;
        }

        private string[]? Words(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())))
            {
                return value.EnumerateArray().Select(e => e.GetString()!.Trim()).ToArray();
            }

            problems.Add($"审核规则文件中的“{path}”必须是由非空文字组成的数组。");
            return null;
        }

        private Level1[]? Levels(JsonElement value, string path)
        {
            var words = Words(value, path);
            if (words is null)
            {
                return null;
            }

            var levels = new List<Level1>();
            foreach (var word in words)
            {
                if (IndicatorVocabulary.TryFindLabel(word, out var level1, out _))
                {
                    levels.Add(level1);
                }
                else
                {
                    problems.Add($"审核规则文件中的“{path}”含有无法识别的一级指标“{word}”，应为 产出、效益、满意度 或 成本。");
                }
            }

            return [.. levels.Distinct()];
        }
    }
}
