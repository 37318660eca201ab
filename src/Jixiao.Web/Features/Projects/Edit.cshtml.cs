using System.Globalization;

namespace Jixiao.Web.Features.Projects;

/// <summary>
/// Editing a project: amounts, goal and indicators (change, add in the blank rows, remove, reorder by the
/// 顺序 numbers). The target is parsed as the user types (with JavaScript) and on save; the review runs
/// again on save. A save based on an older version than the stored one is refused with a message.
/// </summary>
[Access(Access.Edit)]
public sealed class EditModel(ProjectQueries projects, ProjectEditor editor, DocumentWorkflow flow) : PageModel
{
    /// <summary>Blank rows offered for new indicators.</summary>
    public const int NewRows = 3;

    [BindProperty]
    public ProjectForm Form { get; set; } = new();

    public ProjectDetailDto? Project { get; private set; }

    /// <summary>A message shown above the form (a refused save).</summary>
    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Project = await projects.DetailAsync(id, cancellationToken);
        if (Project is null)
        {
            return NotFound();
        }

        // A table that is submitted or approved is not offered for editing at all.
        return (await flow.CheckAsync(Project.DocumentId, WorkAction.Edit, cancellationToken)).ToPage(this, _ =>
        {
            Form = ProjectForm.From(Project);
            return Page();
        }, _ => StatusCode(StatusCodes.Status403Forbidden));
    }

    [Access(Access.Edit)]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Project = await projects.DetailAsync(id, cancellationToken);
        if (Project is null)
        {
            return NotFound();
        }

        return (await editor.SaveAsync(id, Form.Version, Form.ToEdit(), cancellationToken)).ToPage(this, _ => Redirect($"/projects/{id}"), failed =>
        {
            (Problem, Errors) = failed.Kind == OutcomeKind.Invalid ? ("提交的内容有误，未保存，请按提示修改：", failed.Errors) : (failed.Message, Errors);
            return Page();
        });
    }

    /// <summary>The form's fields.</summary>
    public sealed class ProjectForm
    {
        public int Version { get; set; }

        public string Name { get; set; } = "";

        public string? Total { get; set; }

        public string? FiscalAppropriation { get; set; }

        public string? SpecialAccount { get; set; }

        public string? OtherFunds { get; set; }

        public string? Goal { get; set; }

        public List<Row> Rows { get; set; } = [];

        public static ProjectForm From(ProjectDetailDto project)
        {
            string? Amount(decimal? value) => value?.ToString("#,##0.00####", CultureInfo.InvariantCulture);
            var form = new ProjectForm
            {
                Version = project.Version,
                Name = project.Name,
                Total = Amount(project.Total),
                FiscalAppropriation = Amount(project.FiscalAppropriation),
                SpecialAccount = Amount(project.SpecialAccount),
                OtherFunds = Amount(project.OtherFunds),
                Goal = project.Goal,
            };
            var order = 0;
            foreach (var indicator in project.Indicators)
            {
                order++;
                form.Rows.Add(new Row
                {
                    Order = order, Seq = indicator.Seq, Level1 = indicator.Level1, Level2 = indicator.Level2Inferred ? null : indicator.Level2,
                    Name = indicator.Name, TargetText = indicator.TargetText,
                });
            }

            for (var i = 0; i < NewRows; i++)
            {
                order++;
                form.Rows.Add(new Row { Order = order, Level1 = "output" });
            }

            return form;
        }

        /// <summary>The rows kept (not removed, with a name), in the order of their 顺序 numbers.</summary>
        public ProjectEdit ToEdit() => new(
            Name, Total, FiscalAppropriation, SpecialAccount, OtherFunds, Goal,
            [.. Rows.Select((row, index) => (row, index))
                .Where(r => !r.row.Remove && !(string.IsNullOrWhiteSpace(r.row.Name) && string.IsNullOrWhiteSpace(r.row.TargetText)))
                .OrderBy(r => r.row.Order).ThenBy(r => r.index)
                .Select(r => new IndicatorEdit(r.row.Level1 ?? "", r.row.Level2, r.row.Name ?? "", r.row.TargetText, r.row.Seq))]);
    }

    /// <summary>One indicator row.</summary>
    public sealed class Row
    {
        public int Order { get; set; }

        /// <summary>The 序号 the indicator had, null for a new row.</summary>
        public int? Seq { get; set; }

        public string? Level1 { get; set; }

        /// <summary>The level 2 as written (JSON name), null to infer it from the name.</summary>
        public string? Level2 { get; set; }

        public string? Name { get; set; }

        public string? TargetText { get; set; }

        public bool Remove { get; set; }
    }
}
