using System.Globalization;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

/// <summary>A compact one-line rendering of a parsed target, for table-driven tests.</summary>
internal static class TargetDescription
{
    public static string Describe(Target target) => target.Kind switch
    {
        TargetKind.Missing => "missing",
        TargetKind.Qualitative => "qualitative/" + target.Form!.Value.JsonName(),
        TargetKind.Quantitative => string.Join(" & ", target.Clauses.Select(Describe)),
    };

    private static string Describe(TargetClause c)
    {
        var text = c.Comparator.Symbol() + " " + c.Value.ToString(CultureInfo.InvariantCulture)
            + (c.Unit.Length > 0 ? " " + c.Unit : "") + " " + c.Direction.JsonName();
        if (c.Period is not null)
        {
            text += " per " + c.Period;
        }

        if (c.Condition is not null)
        {
            text += " when " + c.Condition;
        }

        return text;
    }
}
