using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Review;

/// <summary>
/// Checks of one indicator at a time: is there a value, is it measurable, is it filed where it belongs.
/// Of the quantification rules only the most specific one is reported per indicator (a question is not
/// also "vague"), so one defect gives one finding.
/// </summary>
internal sealed class IndicatorChecks(ReviewSettings settings, FindingSink sink)
{
    private static readonly string[] YesWords = ["是", "有", "否", "无", "对"];
    private static readonly string[] QuestionNames = ["是否", "有无", "有否", "能否", "可否"];

    private readonly KeywordSet _budget = new(settings.BudgetManagementKeywords);
    private readonly KeywordSet _satisfaction = new(settings.SatisfactionKeywords);
    private readonly KeywordSet _accident = new(settings.AccidentKeywords);
    private readonly KeywordSet _mayExceed = new(settings.PercentMayExceed100Keywords);

    public void Run(TargetDocument document, Project project)
    {
        foreach (var indicator in project.Indicators)
        {
            Quantification(document, project, indicator);
            Appropriateness(document, project, indicator);
        }
    }

    private void Quantification(TargetDocument document, Project project, Indicator indicator)
    {
        var target = indicator.Target;
        var name = ChineseText.Normalize(indicator.Name);
        var add = (ReviewRule rule, object?[] args) => sink.Add(rule, document, project, indicator, indicator.Location, args);
        switch (target.Kind)
        {
            case TargetKind.Missing:
                add(ReviewRules.TargetMissing, [indicator.Name]);
                return;
            case TargetKind.Quantitative:
                foreach (var clause in target.Clauses)
                {
                    if (clause.Unit == "%" && clause.Value > 100m && !_mayExceed.ContainsAny(name) && !_mayExceed.ContainsAny(clause.Subject))
                    {
                        add(ReviewRules.PercentRange, [indicator.Name, clause.Value]);
                        return;
                    }
                }

                if (target.Clauses.Any(c => c.Unit.Length == 0 && c.Value != 0m))
                {
                    add(ReviewRules.UnitMissing, [indicator.Name, target.Text]);
                }

                return;
            case TargetKind.Qualitative:
                break;
            default:
                throw new InvalidOperationException("Unknown target kind " + target.Kind);
        }

        var value = ChineseText.Normalize(target.Text);
        var rule = target.Form switch
        {
            QualitativeForm.Question => ReviewRules.Question,
            QualitativeForm.Definition => ReviewRules.Definition,
            _ when indicator.NameUnit == "%" || name.Contains('%', StringComparison.Ordinal) => ReviewRules.PercentText,
            _ when IsRate(name) => ReviewRules.RateText,
            _ when indicator.Level2 == Level2.Quantity => ReviewRules.Vague,
            _ when IsBareYes(value) && !QuestionNames.Any(q => name.Contains(q, StringComparison.Ordinal)) => ReviewRules.YesNo,
            _ when Restates(name, value) => ReviewRules.RestatesName,
            _ => null,
        };
        if (rule is not null)
        {
            add(rule, [indicator.Name, target.Text]);
        }
    }

    private void Appropriateness(TargetDocument document, Project project, Indicator indicator)
    {
        var name = ChineseText.Normalize(indicator.Name);
        var text = name + "\n" + ChineseText.Normalize(indicator.TargetText);
        if (FirstMatch(_budget, text) is { } word)
        {
            sink.Add(ReviewRules.BudgetRow, document, project, indicator, indicator.Location, indicator.Name, word);
        }

        if (indicator.Level1 != Level1.Satisfaction && _satisfaction.ContainsAny(name))
        {
            sink.Add(ReviewRules.SatisfactionLevel, document, project, indicator, indicator.Location, indicator.Name, indicator.Level1.Chinese());
        }

        if (indicator.Level1 == Level1.Output && _accident.ContainsAny(text))
        {
            sink.Add(ReviewRules.AccidentOutput, document, project, indicator, indicator.Location, indicator.Name, indicator.TargetText);
        }
    }

    private static string? FirstMatch(KeywordSet set, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (set.MatchAt(text, i) is { } word)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>A rate: the name has 率, except 效率 (efficiency), which is a quality and not a ratio.</summary>
    private static bool IsRate(string name) => name.Replace("效率", "", StringComparison.Ordinal).Contains('率', StringComparison.Ordinal);

    private static bool IsBareYes(string value)
    {
        var key = NameKeys.Key(value);
        return YesWords.Contains(key, StringComparer.Ordinal);
    }

    /// <summary>
    /// The value says nothing the name does not: the value is part of the name (<c>及时性：及时</c>) or the
    /// name is all the value holds beyond filler (<c>影响力：具有一定影响力</c>), and no number is given.
    /// </summary>
    private static bool Restates(string name, string value)
    {
        var nameKey = NameKeys.Key(name);
        var valueKey = NameKeys.Key(value);
        if (valueKey.Any(char.IsAsciiDigit))
        {
            return false;
        }

        return (valueKey.Length >= 2 && nameKey.Contains(valueKey, StringComparison.Ordinal))
            || (nameKey.Length >= 2 && valueKey.Contains(nameKey, StringComparison.Ordinal));
    }
}
