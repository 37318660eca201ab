using System.Security.Claims;

namespace Jixiao.Web.Security;

/// <summary>
/// The signed-in user of this request and the units they may see: the nodes of the unit tree assigned to
/// them and everything under those. Filled once per request by <see cref="AccessMiddleware"/>; until then,
/// and for an anonymous request, nothing is visible.
/// </summary>
public sealed class CurrentUser(WorkflowTable workflow) : IDataScope
{
    private HashSet<int> _units = [];

    public bool IsSignedIn => Id is not null;

    public string? Id { get; private set; }

    public string UserName { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? Role { get; private set; }

    /// <summary>The request's remote address, for the audit trail.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Signed in with a personal access token rather than the sign-in cookie.</summary>
    public bool ByToken { get; private set; }

    public bool AllUnits => Role == JixiaoRoles.Administrator;

    public IReadOnlyCollection<int> UnitIds => _units;

    /// <summary>True when the user may see unit-tree node <paramref name="unitId"/>.</summary>
    public bool Sees(int unitId) => AllUnits || _units.Contains(unitId);

    /// <summary>True when the user may do <paramref name="action"/> on something in <paramref name="state"/>.</summary>
    public bool May(WorkAction action, WorkState state) => WorkflowRules.Allows(Role, state, action, workflow.Chain);

    /// <summary>True when the user may do <paramref name="action"/> on a monitoring or self-evaluation report in <paramref name="state"/> (reports take one review stage).</summary>
    public bool MayReport(WorkAction action, WorkState state) => WorkflowRules.Allows(Role, state, action);

    /// <summary>The review chain of this deployment.</summary>
    public ReviewChain Chain => workflow.Chain;

    /// <summary>The refusal of <paramref name="action"/> in <paramref name="state"/> for this user, in Chinese.</summary>
    public string Refusal(WorkAction action, WorkState state) => WorkflowRules.Refusal(Role, state, action, workflow.Chain);

    /// <summary>What <paramref name="action"/> is called for this deployment's chain in <paramref name="state"/> (批复, or 审核通过 at a first stage).</summary>
    public string ActionName(WorkAction action, WorkState state) => workflow.ActionName(state, action);

    /// <summary>The states in which tables wait for this user's decision.</summary>
    public IReadOnlyList<WorkState> AwaitingDecision => WorkflowRules.AwaitingDecision(Role, workflow.Chain);

    internal async Task LoadAsync(HttpContext context, JixiaoDbContext db, KeptAccounts kept)
    {
        Address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return;
        }

        Id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        UserName = principal.Identity.Name ?? "";
        DisplayName = principal.FindFirstValue(JixiaoClaims.DisplayName) ?? UserName;
        Role = JixiaoRoles.All.FirstOrDefault(principal.IsInRole);
        ByToken = principal.Identity.AuthenticationType == TokenAuthentication.SchemeName;
        if (Id is null || AllUnits)
        {
            return;
        }

        // The units are read again only when something was committed since they were last read.
        var generation = await kept.Generation.ForRequestAsync(context);
        _units = await kept.Units.GetOrReadAsync((Id, Role ?? ""), generation, async cancel =>
        {
            var assigned = await db.UserScopes.AsNoTracking().Where(s => s.UserId == Id).Select(s => s.UnitId).ToListAsync(cancel);
            if (Role == JixiaoRoles.UnitOfficer)
            {
                // A 填报员 is attached to units, the leaves of the tree: nothing below them to walk.
                return new HashSet<int>(assigned);
            }

            var tree = await db.Units.IgnoreQueryFilters().AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancel);
            return UnitTree.Subtrees(assigned, tree.Select(u => (u.Id, u.ParentId)));
        }, context.RequestAborted);
    }

    /// <summary>Start-up work outside a request (migrations, the first administrator, the sample) acts as the system, which sees every unit.</summary>
    public void ActAsSystem()
    {
        UserName = "system";
        DisplayName = "系统";
        Role = JixiaoRoles.Administrator;
    }
}

/// <summary>Claims Jixiao adds to Identity's.</summary>
public static class JixiaoClaims
{
    public const string DisplayName = "jixiao:display-name";

    public const string MustChangePassword = "jixiao:must-change-password";
}

/// <summary>Walks the unit tree.</summary>
public static class UnitTree
{
    /// <summary>The nodes <paramref name="roots"/> and every node under them.</summary>
    public static HashSet<int> Subtrees(IEnumerable<int> roots, IEnumerable<(int Id, int? ParentId)> nodes)
    {
        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value, n => n.Id);
        var seen = new HashSet<int>();
        var pending = new Stack<int>(roots);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return seen;
    }
}
