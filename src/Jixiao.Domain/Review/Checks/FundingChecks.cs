using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;

namespace Jixiao.Domain.Review;

/// <summary>Arithmetic: each row's sources against its 总计, and the summary row against the projects.</summary>
internal static class FundingChecks
{
    public static void Run(TargetDocument document, ReviewSettings settings, FindingSink sink)
    {
        var tolerance = Money.TryFrom(settings.RoundingTolerance, document.AmountUnit, out var money) ? money : Money.Zero;

        // A layout without source columns leaves every source blank; only when some row fills a source
        // are blank sources read as "no money from there" and checked against the total.
        var sourcesWritten = document.Projects.Any(p => p.Funding.SumOfSources is not null)
            || document.Summary?.Funding.SumOfSources is not null;

        foreach (var project in document.Projects)
        {
            var funding = project.Funding;
            if ((funding.Total ?? Money.Zero) == Money.Zero && (funding.SumOfSources ?? Money.Zero) == Money.Zero)
            {
                sink.Add(ReviewRules.FundMissing, document, project, null, project.Location);
                continue;
            }

            if (sourcesWritten)
            {
                CompareRow(document, project, funding, tolerance, sink);
            }
        }

        if (document.Summary is not { } summary)
        {
            return;
        }

        if (sourcesWritten)
        {
            CompareRow(document, null, summary.Funding, tolerance, sink);
        }

        foreach (var column in FundingColumns.All)
        {
            var stated = summary.Funding.Get(column);
            Money? sum = null;
            foreach (var project in document.Projects)
            {
                if (project.Funding.Get(column) is { } amount)
                {
                    sum = (sum ?? Money.Zero) + amount;
                }
            }

            if (stated is null && sum is null)
            {
                continue;
            }

            var difference = (stated ?? Money.Zero) - (sum ?? Money.Zero);
            if (difference == Money.Zero)
            {
                continue;
            }

            if (Abs(difference) <= tolerance)
            {
                sink.Add(ReviewRules.FundRounding, document, null, null, summary.Location,
                    "汇总行" + column.Chinese() + "与各项目合计", Amount(sum ?? Money.Zero, document), Amount(stated ?? Money.Zero, document), Amount(Abs(difference), document));
            }
            else
            {
                sink.Add(ReviewRules.FundSummaryTotal, document, null, null, summary.Location,
                    column.Chinese(), Amount(stated ?? Money.Zero, document), document.Projects.Count, Amount(sum ?? Money.Zero, document), Amount(Abs(difference), document));
            }
        }
    }

    private static void CompareRow(TargetDocument document, Project? project, Funding funding, Money tolerance, FindingSink sink)
    {
        var total = funding.Total ?? Money.Zero;
        var sources = funding.SumOfSources ?? Money.Zero;
        var difference = total - sources;
        if (difference == Money.Zero)
        {
            return;
        }

        var location = project?.Location ?? document.Summary?.Location ?? SourceLocation.File;
        if (Abs(difference) <= tolerance)
        {
            sink.Add(ReviewRules.FundRounding, document, project, null, location,
                project is null ? "汇总行总计与三项资金来源" : "项目总计与三项资金来源", Amount(sources, document), Amount(total, document), Amount(Abs(difference), document));
        }
        else
        {
            sink.Add(project is null ? ReviewRules.FundSummarySum : ReviewRules.FundRowSum, document, project, null, location,
                Amount(total, document), Amount(sources, document), Amount(Abs(difference), document));
        }
    }

    private static Money Abs(Money money) => money.Fen < 0 ? new Money(checked(-money.Fen)) : money;

    internal static string Amount(Money money, TargetDocument document) =>
        money.Format(document.AmountUnit) + (document.AmountUnit == AmountUnit.WanYuan ? " 万元" : " 元");

    internal static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture);
}
