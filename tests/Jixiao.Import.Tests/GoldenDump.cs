using System.Globalization;
using System.Text;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Import.Tests;

/// <summary>A compact, one item per line rendering of a read result, compared against golden files.</summary>
internal static class GoldenDump
{
    public static string Render(ReadResult result)
    {
        var sb = new StringBuilder();
        var d = result.Document;
        if (d is null)
        {
            sb.Append("unreadable\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"title \"{d.Title}\"\n");
            if (d.Kind != DocumentKind.Summary)
            {
                sb.Append(CultureInfo.InvariantCulture, $"form {d.Kind} confidence {result.Confidence:0.00}\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"unit \"{d.Unit.Name}\" amounts {(d.AmountUnit == AmountUnit.WanYuan ? "万元" : "元")} format {d.Source.Format}\n");
            if (d.Year is { } year)
            {
                sb.Append(CultureInfo.InvariantCulture, $"year {year}\n");
            }

            foreach (var task in d.Tasks)
            {
                sb.Append(CultureInfo.InvariantCulture, $"task \"{task.Function}\" \"{task.Task}\" projects \"{task.Projects}\" {Amount(task.Amount, d.AmountUnit)}\n");
            }

            foreach (var allocation in d.Allocations)
            {
                sb.Append(CultureInfo.InvariantCulture, $"allocation \"{allocation.Region}\" {Amount(allocation.Amount, d.AmountUnit)}\n");
            }
            if (d.Summary is { } s)
            {
                sb.Append(CultureInfo.InvariantCulture, $"summary \"{s.Name}\" {Amounts(s.Funding, d.AmountUnit)} (r{s.Location.Line})\n");
            }

            for (var p = 0; p < d.Projects.Count; p++)
            {
                var project = d.Projects[p];
                sb.Append(CultureInfo.InvariantCulture, $"project {p + 1} \"{project.Name}\" {Amounts(project.Funding, d.AmountUnit)} (r{project.Location.Line})\n");
                sb.Append(CultureInfo.InvariantCulture, $"  goal \"{project.Goal}\"\n");
                if (!project.Attributes.IsEmpty)
                {
                    var a = project.Attributes;
                    sb.Append(CultureInfo.InvariantCulture, $"  attributes department \"{a.Department}\" code \"{a.DepartmentCode}\" unit \"{a.ImplementingUnit}\" category \"{a.Category}\" period \"{a.Period}\"\n");
                    if (a.LongTermGoal.Length > 0)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"  long-term goal \"{a.LongTermGoal}\"\n");
                    }
                }

                if (project.Execution is { } e)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  execution initial {Amount(e.InitialBudget, d.AmountUnit)} adjusted {Amount(e.AdjustedBudget, d.AmountUnit)} executed {Amount(e.Executed, d.AmountUnit)} rate {Number(e.Rate)} points {Number(e.Points)} score {Number(e.Score)} total {Number(e.TotalScore)} grade \"{e.Grade}\"\n");
                    if (e.GoalOutcome.Length > 0)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"  outcome \"{e.GoalOutcome}\"\n");
                    }
                }

                foreach (var i in project.Indicators)
                {
                    var level2 = i.Level2 is { } l2 ? "/" + l2.Chinese() + (i.Level2Inferred ? "*" : "") : "";
                    sb.Append(CultureInfo.InvariantCulture, $"  indicator {i.Seq} {i.Level1.Chinese()}{level2} \"{i.Name}\" \"{i.TargetText}\" {Describe(i.Target)}\n");
                    if (i.Explanation.Length > 0 || i.Standard.Length > 0)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"    explained \"{i.Explanation}\" standard \"{i.Standard}\"\n");
                    }

                    if (i.Evaluation is { } ev)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"    actual \"{ev.Actual}\" points {Number(ev.Points)} score {Number(ev.Score)} deviation \"{ev.Deviation}\"\n");
                    }

                    foreach (var region in i.RegionTargets)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"    region \"{region.Region}\" \"{region.TargetText}\"\n");
                    }

                }
            }
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"diag {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code} {Where(diagnostic.Location)}\n");
        }

        return sb.ToString();
    }

    private static string Where(Domain.Diagnostics.SourceLocation location) =>
        location.Cell ?? (location.Line is null ? "file" : "r" + location.Line.Value.ToString(CultureInfo.InvariantCulture)
            + (location.Column is null ? "" : "c" + location.Column.Value.ToString(CultureInfo.InvariantCulture)));

    private static string Amount(Money? money, AmountUnit unit) => money is { } m ? m.To(unit).ToString(CultureInfo.InvariantCulture) : "-";

    private static string Number(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Amounts(Funding f, AmountUnit unit) =>
        string.Join(" ", FundingColumns.All.Select(c => f.Get(c) is { } m ? m.To(unit).ToString(CultureInfo.InvariantCulture) : "-"));

    private static string Describe(Target target) => target.Kind switch
    {
        TargetKind.Missing => "missing",
        TargetKind.Qualitative => "qualitative/" + target.Form!.Value.JsonName(),
        TargetKind.Quantitative => string.Join(" & ", target.Clauses.Select(c =>
            $"{c.Comparator.Display()} {c.Value.ToString(CultureInfo.InvariantCulture)}{(c.Unit.Length > 0 ? " " + c.Unit : "")} {c.Direction.JsonName()}"
            + (c.Period is null ? "" : " per " + c.Period)
            + (c.Condition is null ? "" : " when \"" + c.Condition + "\""))),
    };

    /// <summary>Tabs, full-width and invisible characters spelled out, for mismatch messages.</summary>
    public static string Visible(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            switch (c)
            {
                case '\t':
                    sb.Append("→");
                    break;
                case '\n':
                    sb.Append("↵\n");
                    break;
                case '\r':
                    sb.Append("␍");
                    break;
                case '\u3000':
                    sb.Append("[U+3000]");
                    break;
                case '\u00A0':
                    sb.Append("[NBSP]");
                    break;
                case '\uFEFF':
                    sb.Append("[BOM]");
                    break;
                case >= '\uFF01' and <= '\uFF5E':
                    sb.Append(CultureInfo.InvariantCulture, $"[FW {(char)(c - 0xFEE0)}]");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
