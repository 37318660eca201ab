using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Scoring;

/// <summary>
/// Reads what an officer writes as the actual (or projected) values of a quantitative indicator: one
/// value, or one per clause of a target with several (<c>62个；55万次</c>, <c>62个，55万次</c>,
/// <c>62个、55万次</c>), each a number with an optional unit, read by the target grammar.
/// </summary>
public static class ActualValues
{
    /// <summary>The most values one indicator's actual may carry.</summary>
    public const int MaxValues = 20;

    /// <summary>
    /// The values of <paramref name="text"/>, or null with <paramref name="problem"/> saying in Chinese what
    /// does not fit (the value that is not a number, or a unit the target does not use), for <paramref name="target"/>.
    /// </summary>
    public static IReadOnlyList<Quantity>? Read(string text, Target target, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        problem = null;
        var values = new List<Quantity>();
        foreach (var part in text.Split(['；', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = TargetGrammar.Parse(part);
            var clauses = parsed.Clauses;
            if (parsed.Kind != TargetKind.Quantitative || clauses.Count == 0 || !ChineseText.Normalize(part).Any(char.IsAsciiDigit))
            {
                problem = $"“{part}”应为数字，可带单位，如 92%、120人；多个条件的值用“；”分隔，如 62个；55万次。";
                return null;
            }

            foreach (var clause in clauses)
            {
                if (clause.Unit.Length > 0 && target.Clauses.Count > 0 && target.Clauses.All(c => c.Unit != clause.Unit))
                {
                    problem = $"“{part}”的单位“{clause.Unit}”与指标值的单位（{string.Join("、", target.Clauses.Select(c => c.Unit.Length > 0 ? c.Unit : "无"))}）不符。";
                    return null;
                }

                values.Add(new Quantity(clause.Value, clause.Unit));
            }
        }

        if (values.Count > MaxValues)
        {
            problem = $"实际完成值最多 {MaxValues} 个。";
            return null;
        }

        return values;
    }

    /// <summary>How to write the actual of <paramref name="target"/>: an example with one value per clause.</summary>
    public static string Hint(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind != TargetKind.Quantitative ? "达成/部分达成/未达成"
            : target.Clauses.Count <= 1 ? "数值，如 92%"
            : "每个条件一个值，用；分隔（" + string.Join("；", target.Clauses.Select(c => c.Describe())) + "）";
    }
}
