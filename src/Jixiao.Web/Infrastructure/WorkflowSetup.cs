namespace Jixiao.Web.Infrastructure;

/// <summary>The deployment's review chain, from <c>Jixiao:ReviewStages</c> (1, the default, or 2: 主管部门 then 财政).</summary>
public static class WorkflowSetup
{
    /// <summary>The workflow table the configuration asks for.</summary>
    /// <exception cref="InvalidOperationException">The setting is neither 1 nor 2; the message is Chinese.</exception>
    public static WorkflowTable Table(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Jixiao:ReviewStages"]?.Trim() switch
        {
            null or "" or "1" => WorkflowTable.OneStage,
            "2" => WorkflowTable.TwoStage,
            var other => throw new InvalidOperationException($"审核级数（Jixiao:ReviewStages）只能是 1 或 2，现为「{other}」。"),
        };
    }
}
