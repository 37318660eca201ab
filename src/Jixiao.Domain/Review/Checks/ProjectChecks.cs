using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Review;

/// <summary>Completeness of a project: a goal, indicators, and every required level-1 category.</summary>
internal static class ProjectChecks
{
    public static void Run(TargetDocument document, Project project, ReviewSettings settings, FindingSink sink)
    {
        if (ChineseText.IsBlank(project.Goal))
        {
            sink.Add(ReviewRules.GoalMissing, document, project, null, project.Location);
        }

        if (project.Indicators.Count == 0)
        {
            sink.Add(ReviewRules.IndicatorsNone, document, project, null, project.Location);
            return;
        }

        foreach (var required in settings.RequiredLevel1)
        {
            if (!project.Indicators.Any(i => i.Level1 == required))
            {
                sink.Add(ReviewRules.Level1Missing, document, project, null, project.Location, required.Chinese());
            }
        }
    }
}
