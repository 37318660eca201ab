namespace Jixiao.Domain.Documents;

/// <summary>The names of the document kinds: as JSON and storage write them, and as users read them.</summary>
public static class DocumentKindNames
{
    /// <summary><c>summary</c>, <c>projectForms</c>, <c>departmentWide</c>, <c>selfEvaluation</c>, <c>transfer</c>, <c>prose</c>.</summary>
    public static string JsonName(this DocumentKind kind) => kind switch
    {
        DocumentKind.Summary => "summary",
        DocumentKind.ProjectForms => "projectForms",
        DocumentKind.DepartmentWide => "departmentWide",
        DocumentKind.SelfEvaluation => "selfEvaluation",
        DocumentKind.Transfer => "transfer",
        DocumentKind.Prose => "prose",
    };

    /// <summary>The kind a JSON or stored name names (a missing name is the summary table), null when unknown.</summary>
    public static DocumentKind? Parse(string? name) => name switch
    {
        "summary" or null => DocumentKind.Summary,
        "projectForms" => DocumentKind.ProjectForms,
        "departmentWide" => DocumentKind.DepartmentWide,
        "selfEvaluation" => DocumentKind.SelfEvaluation,
        "transfer" => DocumentKind.Transfer,
        "prose" => DocumentKind.Prose,
        _ => null,
    };

    /// <summary>The form's Chinese name, as pages and messages say it.</summary>
    public static string Chinese(this DocumentKind kind) => kind switch
    {
        DocumentKind.Summary => "项目支出绩效目标表（汇总表）",
        DocumentKind.ProjectForms => "项目支出绩效目标表（每个项目一张）",
        DocumentKind.DepartmentWide => "部门（单位）整体支出绩效目标表",
        DocumentKind.SelfEvaluation => "绩效自评表",
        DocumentKind.Transfer => "转移支付绩效目标表",
        DocumentKind.Prose => "文字叙述的绩效目标",
    };
}
