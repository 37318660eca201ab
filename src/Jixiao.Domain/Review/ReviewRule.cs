using System.Globalization;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Review;

/// <summary>The families of review rules (domain.md §4).</summary>
public enum RuleFamily
{
    /// <summary>算术: amounts that must add up.</summary>
    Arithmetic,

    /// <summary>完整性: what must be present.</summary>
    Completeness,

    /// <summary>量化: targets that must be measurable.</summary>
    Quantification,

    /// <summary>适当性: indicators that do not belong where they are.</summary>
    Appropriateness,

    /// <summary>一致性: goal text and indicators that disagree, duplicates, pasted values.</summary>
    Consistency,

    /// <summary>雷同: copied indicator sets and targets carried over or lowered from year to year.</summary>
    Copying,
}

/// <summary>What a finding points at.</summary>
public enum FindingScope
{
    /// <summary>The unit as a whole (its summary row, its document).</summary>
    Unit,

    /// <summary>One project row.</summary>
    Project,

    /// <summary>One indicator of a project, by its sequence number.</summary>
    Indicator,
}

/// <summary>
/// One review rule as a reviewer would explain it: a stable code, the default severity (a rules file may
/// change it or switch the rule off), Chinese wording, the basis it rests on, the fix to suggest, and two
/// examples in the example notation of <c>docs/review-rules.md</c>: one that triggers the rule and a near
/// miss that must not.
/// </summary>
/// <param name="Code">Stable code such as <c>FUND-ROW-SUM</c>; never reused for another meaning.</param>
/// <param name="Family">The family of domain.md §4 it belongs to.</param>
/// <param name="Scope">What its findings point at.</param>
/// <param name="Severity">Default severity.</param>
/// <param name="Title">Short Chinese title.</param>
/// <param name="Explanation">What the rule checks, in Chinese.</param>
/// <param name="Basis">The rule or practice it rests on, in Chinese.</param>
/// <param name="Suggestion">The fix to suggest, in Chinese.</param>
/// <param name="MessageTemplate">The finding's message; <c>{0}</c>… are filled by the check.</param>
/// <param name="Trigger">An example that triggers the rule.</param>
/// <param name="NearMiss">A near miss that must not trigger it.</param>
public sealed record ReviewRule(
    string Code,
    RuleFamily Family,
    FindingScope Scope,
    Severity Severity,
    string Title,
    string Explanation,
    string Basis,
    string Suggestion,
    string MessageTemplate,
    string Trigger,
    string NearMiss)
{
    /// <summary>The message with its placeholders filled, numbers formatted without the server culture.</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.InvariantCulture, MessageTemplate, args);
}

/// <summary>Chinese names of the families and scopes.</summary>
public static class RuleNames
{
    /// <summary>算术, 完整性, 量化, 适当性, 一致性, 雷同.</summary>
    public static string Chinese(this RuleFamily family) => family switch
    {
        RuleFamily.Arithmetic => "算术",
        RuleFamily.Completeness => "完整性",
        RuleFamily.Quantification => "量化",
        RuleFamily.Appropriateness => "适当性",
        RuleFamily.Consistency => "一致性",
        RuleFamily.Copying => "雷同",
    };

    /// <summary>单位, 项目, 指标.</summary>
    public static string Chinese(this FindingScope scope) => scope switch
    {
        FindingScope.Unit => "单位",
        FindingScope.Project => "项目",
        FindingScope.Indicator => "指标",
    };

    /// <summary>错误, 警告, 提示.</summary>
    public static string Chinese(this Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "提示",
    };

    /// <summary>error, warning, info.</summary>
    public static string JsonName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
    };

    /// <summary>The severity of its JSON name; null for anything else.</summary>
    public static Severity? ParseSeverity(string? name) =>
        Enum.GetValues<Severity>().Select(s => (Severity?)s).FirstOrDefault(s => s!.Value.JsonName() == name);
}
