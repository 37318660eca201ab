
namespace Jixiao.Web.Features.Admin;

/// <summary>The unit tree (region → department → unit): list, add, move (administrators only).</summary>
[Access(Access.Admin)]
public sealed class UnitsModel(AdminService accounts) : PageModel
{
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Kind { get; set; } = Data.Records.UnitKinds.Unit;

    [BindProperty]
    public int? ParentId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Units = await accounts.UnitsAsync(cancellationToken);

    [Access(Access.Admin)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.SaveUnitAsync(Name ?? "", Kind ?? "", ParentId, cancellationToken);
        if (!outcome.IsDone)
        {
            Error = outcome.Message;
            Units = await accounts.UnitsAsync(cancellationToken);
        }

        return outcome.ToPage(this, _ => Redirect("/admin/units"), _ => Page(), showRefusal: true);
    }

    /// <summary>The tree in display order: each node followed by its children, with its depth.</summary>
    public IEnumerable<(UnitDto Node, int Depth)> Tree()
    {
        var children = Units.ToLookup(u => u.ParentId);
        var ids = Units.Select(u => u.Id).ToHashSet();
        IEnumerable<(UnitDto, int)> Walk(UnitDto node, int depth) =>
            new[] { (node, depth) }.Concat(children[node.Id].SelectMany(c => Walk(c, depth + 1)));
        return Units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).SelectMany(u => Walk(u, 0));
    }
}
