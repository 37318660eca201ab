using Jixiao.Import;

namespace Jixiao.Web.Features.Documents;

/// <summary>
/// Import with preview: upload a table, see what was read (projects, indicators, parsed targets), the
/// reader's diagnostics and the review's findings, then confirm to store it in one transaction.
/// </summary>
[Access(Access.Import)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SecuritySetup.UploadPolicy)]
public sealed class ImportModel(DocumentImporter importer, PendingUploads pending, CurrentUser user) : PageModel
{
    /// <summary>Projects the preview shows with every indicator; the next <see cref="ListedProjects"/> are listed by name, the rest counted.</summary>
    public const int DetailedProjects = 20;

    /// <summary>Projects the preview lists by name after the detailed ones.</summary>
    public const int ListedProjects = 200;

    /// <summary>A problem to show instead of a preview.</summary>
    public string? Problem { get; private set; }

    public ReadResult? Read { get; private set; }

    public DocumentReview? Review { get; private set; }

    /// <summary>The stored document of the same unit, title and year, when there is one.</summary>
    public int? DuplicateOf { get; private set; }

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public TargetDocument? Document => Read?.Document;

    /// <summary>The page of the preview shown: <see cref="DetailedProjects"/> projects with their indicators on each.</summary>
    public int PreviewPage { get; private set; } = 1;

    /// <summary>How many pages the preview has.</summary>
    public int PreviewPages => Review is null ? 1 : Math.Max(1, (Review.Projects.Count + DetailedProjects - 1) / DetailedProjects);

    public void OnGet()
    {
    }

    /// <summary>Another page of the preview of the held upload: read and reviewed again, nothing stored.</summary>
    [Access(Access.Import)]
    public async Task<IActionResult> OnPostTurnAsync(int? p, int? go, CancellationToken cancellationToken)
    {
        await using var content = pending.Open(Token, user.Id ?? "");
        if (content is null || string.IsNullOrWhiteSpace(FileName))
        {
            Problem = "预览已过期或不存在，请重新上传文件。";
            return Page();
        }

        var outcome = await importer.PreviewAsync(content, Path.GetFileName(FileName), cancellationToken);
        if (outcome is { IsDone: true, Value: { } preview })
        {
            Show(preview);
            PreviewPage = Math.Clamp(go ?? p ?? 1, 1, PreviewPages);
        }

        return outcome.ToPage(this, _ => Page(), Shown, showRefusal: true);
    }

    [Access(Access.Import)]
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Problem = file is null ? "请选择要导入的文件（.xlsx、.xls、.docx、.pdf、.html、.csv、.txt 或 .json）。" : "上传的文件是空的。";
            return Page();
        }

        if (file.Length > importer.Options.MaxFileBytes)
        {
            Problem = await importer.TooLargeAsync();
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        await using var content = file.OpenReadStream();
        var outcome = await importer.PreviewAsync(content, FileName, cancellationToken);
        if (outcome is { IsDone: true, Value: { } preview })
        {
            Show(preview);
            Token = await pending.HoldAsync(preview.Content!, user.Id ?? "", cancellationToken);
        }

        return outcome.ToPage(this, _ => Page(), Shown, showRefusal: true);
    }

    /// <summary>What the preview shows of an upload read and reviewed.</summary>
    private void Show(Imported preview)
    {
        Read = preview.Read;
        Review = preview.Review;
        DuplicateOf = preview.DuplicateOf;
    }

    /// <summary>The page with the reason an upload was not previewed or stored; a busy server also says when to try again.</summary>
    private IActionResult Shown(Outcome<Imported> outcome)
    {
        Problem = outcome.Message;
        Read = outcome.Value?.Read;
        if (outcome.Kind == OutcomeKind.Busy)
        {
            Response.Headers.RetryAfter = importer.RetryAfter;
        }

        return Page();
    }

    /// <summary>The budget year the user gives when the file does not say it.</summary>
    [BindProperty]
    public int? Year { get; set; }

    [Access(Access.Import)]
    public async Task<IActionResult> OnPostConfirmAsync(string? duplicate, CancellationToken cancellationToken)
    {
        await using var content = pending.Open(Token, user.Id ?? "");
        if (content is null || string.IsNullOrWhiteSpace(FileName))
        {
            Problem = "预览已过期或不存在，请重新上传文件。";
            return Page();
        }

        var choice = duplicate switch
        {
            "replace" => DuplicateChoice.Replace,
            "keep" => DuplicateChoice.Keep,
            _ => DuplicateChoice.Ask,
        };
        if (Year is not null and (< DocumentImporter.MinYear or > DocumentImporter.MaxYear))
        {
            Problem = $"预算年度应在 {DocumentImporter.MinYear}–{DocumentImporter.MaxYear} 之间，请重新上传后填写。";
            pending.Release(Token, user.Id ?? "");
            return Page();
        }

        var outcome = await importer.ImportAsync(content, Path.GetFileName(FileName), choice, cancellationToken, Year);
        await content.DisposeAsync();

        // A busy server, or a year still to be given, keeps the held file so the user can confirm again; anything else lets it go.
        var again = outcome.Kind == OutcomeKind.Busy || (outcome.Kind == OutcomeKind.Invalid && outcome.Errors.ContainsKey("year"));
        if (!again)
        {
            pending.Release(Token, user.Id ?? "");
        }

        return outcome.ToPage(this, imported =>
        {
            if (imported.Notes.Count > 0)
            {
                TempData["ImportNotes"] = string.Join("\n", imported.Notes);
            }

            return Redirect($"/documents/{imported.Id}");
        }, failed => failed.Kind == OutcomeKind.Conflict
            ? Shown(Outcome<Imported>.Invalid("已有同一单位、同一标题和年度的表，请重新上传后选择替换或保留两份。"))
            : Shown(failed), showRefusal: true);
    }

    [Access(Access.Import)]
    public IActionResult OnPostCancel()
    {
        pending.Release(Token, user.Id ?? "");
        return Redirect("/import");
    }
}
