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

    /// <summary>
    /// The region's own document on performance targets (title and 文号), cited after each rule's national
    /// basis in what reviewers read; empty for none.
    /// </summary>
    public string Basis { get; init; } = "";

    /// <summary>What <paramref name="rule"/> rests on under these settings: its national basis, and the region's own document when the rules file names one.</summary>
    public string BasisOf(ReviewRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Basis.Length == 0 ? rule.Basis : $"{rule.Basis}；{Basis}";
    }

    /// <summary>True when a table with review errors open may not be sent for review (送审) until they are corrected; by default it may, with a warning.</summary>
    public bool BlockSubmitWithErrors { get; init; }

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

    /// <summary>
    /// Reads one rules-file object over a base, collecting every problem rather than stopping at the first.
    /// Each object of the file is a table of its settings (name → how to read it into the settings), so a
    /// setting is one line and an unknown name is reported in one place.
    /// </summary>
    private sealed class SettingsReader(ReviewSettings settings, List<string> problems)
    {
        /// <summary>How one setting is read: over the value so far, from its JSON, named by its path for messages.</summary>
        private delegate T Setting<T>(T current, JsonElement value, string path);

        private ReviewSettings _settings = settings;

        public ReviewSettings Read(JsonElement root)
        {
            _settings = Section(root, "", _settings, new Dictionary<string, Setting<ReviewSettings>>
            {
                ["name"] = (s, v, n) => s with { Name = Text(v, n) ?? s.Name },
                ["region"] = (s, v, n) => s with { Region = Text(v, n) ?? s.Region },
                ["basis"] = (s, v, n) => s with { Basis = Text(v, n) ?? s.Basis },
                ["year"] = (s, v, n) => s with { Year = v.ValueKind == JsonValueKind.Null ? null : Integer(v, n, 1990, 2100) },
                ["requiredLevel1"] = (s, v, n) => s with { RequiredLevel1 = Levels(v, n) ?? s.RequiredLevel1 },
                ["budgetManagementKeywords"] = (s, v, n) => s with { BudgetManagementKeywords = Words(v, n) ?? s.BudgetManagementKeywords },
                ["satisfactionKeywords"] = (s, v, n) => s with { SatisfactionKeywords = Words(v, n) ?? s.SatisfactionKeywords },
                ["accidentKeywords"] = (s, v, n) => s with { AccidentKeywords = Words(v, n) ?? s.AccidentKeywords },
                ["percentMayExceed100Keywords"] = (s, v, n) => s with { PercentMayExceed100Keywords = Words(v, n) ?? s.PercentMayExceed100Keywords },
                ["roundingTolerance"] = (s, v, n) => s with { RoundingTolerance = Number(v, n, 0m, 1000m) ?? s.RoundingTolerance },
                ["blockSubmitWithErrors"] = (s, v, n) => s with { BlockSubmitWithErrors = Boolean(v, n) ?? s.BlockSubmitWithErrors },
                ["pastedValue"] = (s, v, n) => Section(v, n, s, new Dictionary<string, Setting<ReviewSettings>>
                {
                    ["minCount"] = (p, pv, pn) => p with { PastedValueMinCount = Integer(pv, pn, 2, 1000) ?? p.PastedValueMinCount },
                    ["ignoredValues"] = (p, pv, pn) => p with { PastedValueIgnored = Words(pv, pn) ?? p.PastedValueIgnored },
                }),
                ["copying"] = (s, v, n) => Section(v, n, s, new Dictionary<string, Setting<ReviewSettings>>
                {
                    ["minSimilarity"] = (c, cv, cn) => c with { CopyMinSimilarity = Number(cv, cn, 0.5m, 1m) is { } similarity ? (double)similarity : c.CopyMinSimilarity },
                    ["minIndicators"] = (c, cv, cn) => c with { CopyMinIndicators = Integer(cv, cn, 1, 1000) ?? c.CopyMinIndicators },
                }),
                ["score"] = (s, v, n) => s with { Score = Section(v, n, s.Score, ScoreFields()) },
                ["severities"] = (s, v, n) => s with { Severities = Severities(s.Severities, v, n) },
                ["scoring"] = (s, v, n) => s with { Scoring = Scoring(s.Scoring, v, n) },
                ["monitoring"] = (s, v, n) => s with { Monitoring = Monitoring(s.Monitoring, v, n) },
            });
            return _settings;
        }

        /// <summary>The settings of one object of the file, read over <paramref name="start"/>; a name not in <paramref name="fields"/> is reported.</summary>
        private T Section<T>(JsonElement value, string path, T start, Dictionary<string, Setting<T>> fields)
        {
            var result = start;
            foreach (var property in path.Length == 0 ? value.EnumerateObject() : Members(value, path))
            {
                var name = path.Length == 0 ? property.Name : path + "." + property.Name;
                if (fields.TryGetValue(property.Name, out var read))
                {
                    result = read(result, property.Value, name);
                }
                else
                {
                    problems.Add($"审核规则文件中有未知的设置项“{name}”。");
                }
            }

            return result;
        }

        private Dictionary<string, Setting<ScoreWeights>> ScoreFields() => new()
        {
            ["error"] = (w, v, n) => w with { Error = Number(v, n, 0m, 100m) ?? w.Error },
            ["warning"] = (w, v, n) => w with { Warning = Number(v, n, 0m, 100m) ?? w.Warning },
            ["info"] = (w, v, n) => w with { Info = Number(v, n, 0m, 100m) ?? w.Info },
            ["maxPerRule"] = (w, v, n) => w with { MaxPerRule = Integer(v, n, 1, 1000) ?? w.MaxPerRule },
        };

        private Monitoring.MonitoringSettings Monitoring(Monitoring.MonitoringSettings start, JsonElement value, string path)
        {
            var monitoring = Section(value, path, start, new Dictionary<string, Setting<Monitoring.MonitoringSettings>>
            {
                ["executionLagYellow"] = (m, v, n) => m with { ExecutionLagYellow = Number(v, n, 0m, 100m) ?? m.ExecutionLagYellow },
                ["executionLagRed"] = (m, v, n) => m with { ExecutionLagRed = Number(v, n, 0m, 100m) ?? m.ExecutionLagRed },
                ["projectedShortRed"] = (m, v, n) => m with { ProjectedShortRed = Number(v, n, 0m, 1m) ?? m.ProjectedShortRed },
            });
            if (monitoring.ExecutionLagRed < monitoring.ExecutionLagYellow)
            {
                problems.Add("审核规则文件中 monitoring.executionLagRed 不能小于 executionLagYellow。");
            }

            return monitoring;
        }

        private ScoringSettings Scoring(ScoringSettings start, JsonElement value, string path)
        {
            var scoring = Section(value, path, start, new Dictionary<string, Setting<ScoringSettings>>
            {
                ["executionPoints"] = (s, v, n) => s with { ExecutionPoints = Number(v, n, 0m, 100m) ?? s.ExecutionPoints },
                ["level1Points"] = (s, v, n) => s with { Level1Points = Level1Points(s.Level1Points, v, n) },
                ["lowerIsBetter"] = (s, v, n) => s with { LowerIsBetter = LowerIsBetter(v, n) ?? s.LowerIsBetter },
                ["achieved"] = (s, v, n) => s with { Achieved = Band(v, n) ?? s.Achieved },
                ["partial"] = (s, v, n) => s with { Partial = Band(v, n) ?? s.Partial },
                ["notAchieved"] = (s, v, n) => s with { NotAchieved = Band(v, n) ?? s.NotAchieved },
                ["grades"] = Grades,
                ["deviationNoteShare"] = (s, v, n) => s with { DeviationNoteShare = Number(v, n, 0m, 10m) ?? s.DeviationNoteShare },
            });
            if (!(scoring.Excellent >= scoring.Good && scoring.Good >= scoring.Fair))
            {
                problems.Add("审核规则文件中的等级分数线应满足 优 ≥ 良 ≥ 中。");
            }

            return scoring;
        }

        private Dictionary<Level1, decimal> Level1Points(IReadOnlyDictionary<Level1, decimal> start, JsonElement value, string path)
        {
            var points = new Dictionary<Level1, decimal>(start);
            foreach (var level in Members(value, path))
            {
                if (IndicatorVocabulary.TryFindLabel(level.Name, out var level1, out _))
                {
                    points[level1] = Number(level.Value, path + "." + level.Name, 0m, 100m) ?? points[level1];
                }
                else
                {
                    problems.Add($"审核规则文件中的“{path}”含有无法识别的一级指标“{level.Name}”，应为 产出、效益、满意度 或 成本。");
                }
            }

            return points;
        }

        private LowerIsBetterRule? LowerIsBetter(JsonElement value, string path)
        {
            var rule = (value.ValueKind == JsonValueKind.String ? value.GetString() : null) switch
            {
                "ratio" => LowerIsBetterRule.Ratio,
                "linear" => LowerIsBetterRule.Linear,
                _ => (LowerIsBetterRule?)null,
            };
            if (rule is null)
            {
                problems.Add($"审核规则文件中的“{path}”只能是 \"ratio\"（比例法）或 \"linear\"（线性法）。");
            }

            return rule;
        }

        private ScoringSettings Grades(ScoringSettings scoring, JsonElement value, string path)
        {
            foreach (var grade in Members(value, path))
            {
                var bound = Number(grade.Value, path + "." + grade.Name, 0m, 100m);
                scoring = grade.Name switch
                {
                    "优" => scoring with { Excellent = bound ?? scoring.Excellent },
                    "良" => scoring with { Good = bound ?? scoring.Good },
                    "中" => scoring with { Fair = bound ?? scoring.Fair },
                    _ => Unknown(scoring, $"审核规则文件中的“{path}”只能设置 优、良、中 的最低分。"),
                };
            }

            return scoring;
        }

        /// <summary>Reports <paramref name="problem"/> and keeps <paramref name="current"/>.</summary>
        private T Unknown<T>(T current, string problem)
        {
            problems.Add(problem);
            return current;
        }

        private BandRange? Band(JsonElement value, string path)
        {
            var (min, max, fallback) = Section(value, path, ((decimal?)null, (decimal?)null, (decimal?)null), new Dictionary<string, Setting<(decimal? Min, decimal? Max, decimal? Default)>>
            {
                ["min"] = (b, v, n) => b with { Min = Number(v, n, 0m, 100m) },
                ["max"] = (b, v, n) => b with { Max = Number(v, n, 0m, 100m) },
                ["default"] = (b, v, n) => b with { Default = Number(v, n, 0m, 100m) },
            });
            if (min is null || max is null || fallback is null || min > max || fallback < min || fallback > max)
            {
                problems.Add($"审核规则文件中的“{path}”须写明 min、max、default（百分数），且 min ≤ default ≤ max。");
                return null;
            }

            return new BandRange(min.Value, max.Value, fallback.Value);
        }

        private Dictionary<string, Severity?> Severities(IReadOnlyDictionary<string, Severity?> start, JsonElement value, string path)
        {
            var severities = new Dictionary<string, Severity?>(start, StringComparer.Ordinal);
            foreach (var property in Members(value, path))
            {
                if (ReviewRules.Find(property.Name) is null)
                {
                    problems.Add($"审核规则文件 severities 中的规则代码“{property.Name}”不存在。");
                    continue;
                }

                var named = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (named == "off")
                {
                    severities[property.Name] = null;
                }
                else if (RuleNames.ParseSeverity(named) is { } severity)
                {
                    severities[property.Name] = severity;
                }
                else
                {
                    problems.Add($"审核规则文件中规则“{property.Name}”的严重程度只能是 \"error\"、\"warning\"、\"info\" 或 \"off\"。");
                }
            }

            return severities;
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

        private bool? Boolean(JsonElement value, string path)
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            problems.Add($"审核规则文件中的“{path}”必须是 true 或 false。");
            return null;
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
