using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Monitoring;

/// <summary>A warning light.</summary>
public enum Light
{
    /// <summary>绿灯: on track.</summary>
    Green,

    /// <summary>黄灯: watch.</summary>
    Yellow,

    /// <summary>红灯: act.</summary>
    Red,
}

/// <summary>Why an indicator deviates (偏差原因).</summary>
public enum DeviationCause
{
    /// <summary>经费保障.</summary>
    Funding,

    /// <summary>制度保障.</summary>
    Rules,

    /// <summary>人员保障.</summary>
    Staff,

    /// <summary>硬件保障.</summary>
    Equipment,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>How likely the year's target is to be met.</summary>
public enum Likelihood
{
    /// <summary>确定能.</summary>
    Certain,

    /// <summary>有可能.</summary>
    Possible,

    /// <summary>完全不可能.</summary>
    Impossible,
}

/// <summary>Warning thresholds of in-year monitoring (绩效运行监控); a rules file may change them.</summary>
public sealed record MonitoringSettings
{
    /// <summary>The national defaults.</summary>
    public static MonitoringSettings National { get; } = new();

    /// <summary>Execution behind the share of the year elapsed by more than this many percentage points: yellow.</summary>
    public decimal ExecutionLagYellow { get; init; } = 10m;

    /// <summary>…by more than this many: red.</summary>
    public decimal ExecutionLagRed { get; init; } = 20m;

    /// <summary>A projected value short of its target: yellow; short by more than this share of the target (0.1 = 10 %): red.</summary>
    public decimal ProjectedShortRed { get; init; } = 0.1m;
}

/// <summary>One indicator's progress in the window 1~N月.</summary>
/// <param name="SoFar">The value so far, as written.</param>
/// <param name="Projected">The projected full-year value (全年预计完成情况), as a quantity; null when not given or qualitative.</param>
/// <param name="Cause">The deviation cause, when there is a deviation.</param>
/// <param name="Note">The note on it.</param>
/// <param name="Likelihood">The likelihood of meeting the target.</param>
public sealed record IndicatorProgress(string SoFar, IReadOnlyList<Quantity> Projected, DeviationCause? Cause, string Note, Likelihood? Likelihood);

/// <summary>A project's monitoring report for 1~<paramref name="Month"/>月.</summary>
/// <param name="Month">The last month of the cumulative window (1–12).</param>
/// <param name="ExecutedSoFar">Budget executed so far.</param>
/// <param name="ProjectedExecution">Budget projected to be executed by year end.</param>
/// <param name="Indicators">Progress by indicator seq.</param>
public sealed record MonitoringInput(int Month, Money? ExecutedSoFar, Money? ProjectedExecution, IReadOnlyDictionary<int, IndicatorProgress> Indicators);

/// <summary>One warning with its reason.</summary>
/// <param name="Light">Yellow or red.</param>
/// <param name="IndicatorSeq">The indicator, null for the budget.</param>
/// <param name="Reason">Why, in Chinese, with the figures.</param>
public sealed record Warning(Light Light, int? IndicatorSeq, string Reason);

/// <summary>The outcome of monitoring a project: its light (the worst of its warnings), the execution rate so far and the warnings.</summary>
public sealed record MonitoringResult(Light Light, decimal? ExecutionRate, decimal YearShare, IReadOnlyList<Warning> Warnings);

/// <summary>
/// In-year monitoring: execution lagging the share of the year elapsed, projected values short of their
/// targets, and targets declared out of reach become yellow or red lights with a reason each.
/// </summary>
public static class MonitoringCheck
{
    /// <summary>Checks <paramref name="input"/> for <paramref name="project"/>.</summary>
    public static MonitoringResult Check(Project project, MonitoringInput input, MonitoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.Month, 12);

        var warnings = new List<Warning>();
        var share = input.Month / 12m;
        decimal? rate = null;
        if (input.ExecutedSoFar is { } executed && project.Funding.Total is { Fen: > 0 } budget)
        {
            rate = (decimal)executed.Fen / budget.Fen;
            var lag = (share - rate.Value) * 100m;
            if (lag > settings.ExecutionLagYellow)
            {
                warnings.Add(new Warning(lag > settings.ExecutionLagRed ? Light.Red : Light.Yellow, null,
                    string.Create(CultureInfo.InvariantCulture,
                        $"1~{input.Month}月预算执行率 {Percent(rate.Value)}，落后于时间进度 {Percent(share)} 共 {lag:0.#} 个百分点。")));
            }
        }

        foreach (var indicator in project.Indicators)
        {
            if (!input.Indicators.TryGetValue(indicator.Seq, out var progress))
            {
                continue;
            }

            if (progress.Likelihood == Likelihood.Impossible)
            {
                warnings.Add(new Warning(Light.Red, indicator.Seq, $"指标“{indicator.Name}”：填报为全年目标完全不可能完成。"));
            }
            else if (progress.Likelihood == Likelihood.Possible)
            {
                warnings.Add(new Warning(Light.Yellow, indicator.Seq, $"指标“{indicator.Name}”：填报为全年目标有可能完成（不确定）。"));
            }

            if (indicator.Target.Kind == TargetKind.Quantitative && progress.Projected.Count > 0)
            {
                var worst = Shortfall(indicator.Target, progress.Projected);
                if (worst is { } shortfall && shortfall > 0m)
                {
                    warnings.Add(new Warning(shortfall > settings.ProjectedShortRed ? Light.Red : Light.Yellow, indicator.Seq,
                        string.Create(CultureInfo.InvariantCulture,
                            $"指标“{indicator.Name}”：全年预计完成 {string.Join("；", progress.Projected.Select(q => q.Value.ToString("0.####", CultureInfo.InvariantCulture) + q.Unit))}，达不到年度指标值“{indicator.TargetText}”（差 {Percent(shortfall)}）。")));
                }
            }
        }

        var light = warnings.Count == 0 ? Light.Green : warnings.Max(w => w.Light);
        return new MonitoringResult(light, rate, share, warnings);
    }

    /// <summary>How far the projected values fall short of the weakest clause, as a share of its target; null when nothing matches.</summary>
    private static decimal? Shortfall(Target target, IReadOnlyList<Quantity> projected)
    {
        decimal? worst = null;
        for (var i = 0; i < target.Clauses.Count; i++)
        {
            var clause = target.Clauses[i];
            var value = projected.FirstOrDefault(q => q.Unit.Length > 0 && q.Unit == clause.Unit);
            if (value == default)
            {
                if (i >= projected.Count)
                {
                    continue;
                }

                value = projected[i];
            }

            var lower = clause.IsLowerIsBetter();
            decimal shortfall;
            if (clause.Value == 0m)
            {
                shortfall = lower ? (value.Value > 0m ? 1m : 0m) : 0m;
            }
            else
            {
                shortfall = lower ? (value.Value - clause.Value) / clause.Value : (clause.Value - value.Value) / clause.Value;
            }

            worst = Math.Max(worst ?? 0m, Math.Max(0m, shortfall));
        }

        return worst;
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Chinese names of lights, causes and likelihoods.</summary>
public static class MonitoringNames
{
    /// <summary>绿灯, 黄灯, 红灯.</summary>
    public static string Chinese(this Light light) => light switch
    {
        Light.Green => "绿灯",
        Light.Yellow => "黄灯",
        Light.Red => "红灯",
    };

    /// <summary>经费保障, 制度保障, 人员保障, 硬件保障, 其他.</summary>
    public static string Chinese(this DeviationCause cause) => cause switch
    {
        DeviationCause.Funding => "经费保障",
        DeviationCause.Rules => "制度保障",
        DeviationCause.Staff => "人员保障",
        DeviationCause.Equipment => "硬件保障",
        DeviationCause.Other => "其他",
    };

    /// <summary>确定能, 有可能, 完全不可能.</summary>
    public static string Chinese(this Likelihood likelihood) => likelihood switch
    {
        Likelihood.Certain => "确定能",
        Likelihood.Possible => "有可能",
        Likelihood.Impossible => "完全不可能",
    };
}
