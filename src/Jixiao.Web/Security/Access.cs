namespace Jixiao.Web.Security;

/// <summary>
/// What an endpoint needs, declared on every page and API endpoint. An endpoint without a declaration is
/// refused (403), so a new endpoint is closed until someone decides who may use it.
/// </summary>
public enum Access
{
    /// <summary>Anyone, signed in or not (sign-in page, error page, health check).</summary>
    Anonymous,

    /// <summary>Any signed-in user, about their own account (password, tokens, sign-out).</summary>
    Account,

    /// <summary>Read the tables of visible units.</summary>
    Read,

    /// <summary>Upload a table for a unit one fills in for.</summary>
    Import,

    /// <summary>Change targets or a report's figures.</summary>
    Edit,

    /// <summary>送审.</summary>
    Submit,

    /// <summary>退回 or 批复.</summary>
    Review,

    /// <summary>调整.</summary>
    Adjust,

    /// <summary>Delete a table.</summary>
    Delete,

    /// <summary>Manage users and the unit tree; read the whole audit trail.</summary>
    Admin,

    /// <summary>Open a budget year's season and set its deadlines (财政).</summary>
    Season,
}

/// <summary>Declares the <see cref="Access"/> an endpoint or page needs.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AccessAttribute(Access access) : Attribute
{
    public Access Access { get; } = access;
}

/// <summary>Which roles have each <see cref="Access"/>; derived from the workflow table where it can be.</summary>
public static class AccessRules
{
    /// <summary>True when <paramref name="role"/> (null: not signed in) has <paramref name="access"/>.</summary>
    public static bool RoleHas(string? role, Access access) => access switch
    {
        Access.Anonymous => true,
        Access.Account or Access.Read => role is not null,
        Access.Import => WorkflowRules.RoleMay(role, WorkAction.Edit),
        Access.Edit => WorkflowRules.RoleMay(role, WorkAction.Edit),
        Access.Submit => WorkflowRules.RoleMay(role, WorkAction.Submit),
        Access.Review => WorkflowRules.RoleMay(role, WorkAction.Approve),
        Access.Adjust => WorkflowRules.RoleMay(role, WorkAction.Adjust),
        Access.Delete => WorkflowRules.RoleMay(role, WorkAction.Delete),
        Access.Admin => role == JixiaoRoles.Administrator,
        Access.Season => role is JixiaoRoles.Administrator or JixiaoRoles.FinanceReviewer,
    };

    /// <summary>Declares <paramref name="access"/> on a minimal API endpoint.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Access access)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AccessAttribute(access));
        return builder;
    }
}
