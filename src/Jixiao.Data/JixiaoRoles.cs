namespace Jixiao.Data;

/// <summary>The four roles: Identity role names (stable, ASCII) with their Chinese names.</summary>
public static class JixiaoRoles
{
    /// <summary>单位填报员: fills in and submits the targets of the units assigned to them.</summary>
    public const string UnitOfficer = "unit-officer";

    /// <summary>主管部门审核员: reviews the units under their department.</summary>
    public const string DepartmentReviewer = "department-reviewer";

    /// <summary>财政审核员: reviews every unit of their region.</summary>
    public const string FinanceReviewer = "finance-reviewer";

    /// <summary>管理员: manages users and the unit tree, and may act for any unit.</summary>
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } = [UnitOfficer, DepartmentReviewer, FinanceReviewer, Administrator];

    /// <summary>The Chinese name of a role.</summary>
    public static string Chinese(string role) => role switch
    {
        UnitOfficer => "单位填报员",
        DepartmentReviewer => "主管部门审核员",
        FinanceReviewer => "财政审核员",
        Administrator => "管理员",
        _ => role,
    };

    /// <summary>The role named in Chinese or by its code; null when neither.</summary>
    public static string? Parse(string text) =>
        All.FirstOrDefault(r => r.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase) || Chinese(r) == text.Trim());

    /// <summary>The kind of unit-tree node a role's account is attached to.</summary>
    public static string? ScopeKind(string role) => role switch
    {
        UnitOfficer => Records.UnitKinds.Unit,
        DepartmentReviewer => Records.UnitKinds.Department,
        FinanceReviewer => Records.UnitKinds.Region,
        _ => null,
    };
}
