using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Review;

namespace Jixiao.Domain.Tests.Review;

/// <summary>
/// What a reviewer or an officer reads cites official sources only: no rule's title, explanation, basis,
/// suggestion or message, and no diagnostic message, names a file of ours (<c>domain.md §4</c>) or a tag
/// of our notes (<c>[firm]</c>, <c>[practice]</c>).
/// </summary>
public partial class UserTextSourcesTests
{
    [GeneratedRegex(@"[A-Za-z0-9_\-]+\.(md|cs|json|txt|spec)\b|\[(firm|practice)\]|§", RegexOptions.CultureInvariant)]
    private static partial Regex OurFiles();

    public static TheoryData<string> Rules() => [.. ReviewRules.All.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(Rules))]
    public void RuleTexts_CiteNoFileOrTagOfOurs(string code)
    {
        var rule = ReviewRules.All.Single(r => r.Code == code);
        foreach (var text in new[] { rule.Title, rule.Explanation, rule.Basis, rule.Suggestion, rule.MessageTemplate })
        {
            Assert.DoesNotMatch(OurFiles(), text);
        }
    }

    [Fact]
    public void RuleBases_NameTheOfficialDocumentsTheyCite()
    {
        foreach (var rule in ReviewRules.All.Where(r => r.Basis.Contains("财预〔", StringComparison.Ordinal)))
        {
            Assert.Contains("》（财预〔", rule.Basis, StringComparison.Ordinal);
        }

        Assert.Contains(ReviewRules.All, r => r.Basis.Contains("《中央部门预算绩效目标管理办法》（财预〔2015〕88号）", StringComparison.Ordinal));
    }

    [Fact]
    public void DiagnosticMessages_CiteNoFileOrTagOfOurs()
    {
        foreach (var descriptor in Messages.All)
        {
            Assert.DoesNotMatch(OurFiles(), descriptor.Template);
        }
    }
}
