namespace Jixiao.Web.Features.Workflow;

/// <summary>A change the workflow state or the user's role does not allow; the message is Chinese and meant for the user.</summary>
public sealed class WorkflowRefusedException : Exception
{
    public WorkflowRefusedException()
        : base("不允许该操作。")
    {
    }

    public WorkflowRefusedException(string message)
        : base(message)
    {
    }

    public WorkflowRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
