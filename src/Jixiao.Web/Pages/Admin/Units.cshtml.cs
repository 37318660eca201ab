using Jixiao.Data;
using Jixiao.Web.Features.Users;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Admin;

/// <summary>The unit tree (region → department → unit): list, add, move (administrators only).</summary>
[Access(Access.Admin)]
public sealed class UnitsModel(AccountService accounts) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await accounts.SaveUnitAsync(Name ?? "", Kind ?? "", ParentId, cancellationToken);
            return Redirect("/admin/units");
        }
        catch (AccountException e)
        {
            Error = e.Message;
            Units = await accounts.UnitsAsync(cancellationToken);
            return Page();
        }
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
