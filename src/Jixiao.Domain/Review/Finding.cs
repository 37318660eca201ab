using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;

namespace Jixiao.Domain.Review;

/// <summary>
/// One thing a review found: which rule, how severe under the settings in force, and what it points at —
/// the unit (<see cref="Project"/> null), a project, or one indicator of it (<see cref="IndicatorSeq"/>).
/// </summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Severity">Its severity under the settings used.</param>
/// <param name="Document">The document it is in.</param>
/// <param name="Project">The project, null for a finding about the unit as a whole.</param>
/// <param name="IndicatorSeq">The indicator's printed sequence number, null unless it is about one indicator.</param>
/// <param name="Message">The specific Chinese message with the figures involved.</param>
/// <param name="Location">Where in the source it is.</param>
public sealed record Finding(
    ReviewRule Rule,
    Severity Severity,
    TargetDocument Document,
    Project? Project,
    int? IndicatorSeq,
    string Message,
    SourceLocation Location)
{
    /// <summary>The rule's code.</summary>
    public string Code => Rule.Code;
}
