using Jixiao.Web.Security;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Review;
using Jixiao.Import;
using Jixiao.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Import;

/// <summary>
/// Import with preview: upload a table, see what was read (projects, indicators, parsed targets), the
/// reader's diagnostics and the review's findings, then confirm to store it in one transaction.
/// </summary>
[Access(Access.Import)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SecuritySetup.UploadPolicy)]
public sealed class IndexModel(DocumentImporter importer, PendingUploads pending, CurrentUser user) : PageModel
{
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Problem = file is null ? "请选择要导入的文件（.xlsx、.xls、.docx、.pdf、.html、.csv、.txt 或 .json）。" : "上传的文件是空的。";
            return Page();
        }

        if (file.Length > importer.Options.MaxFileBytes)
        {
            Problem = $"文件超过上传上限 {Display.Size(importer.Options.MaxFileBytes)}，未导入。";
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        await using (var content = file.OpenReadStream())
        {
            var outcome = await importer.PreviewAsync(content, FileName, cancellationToken);
            if (outcome.Busy is { } busy)
            {
                return Busy(busy);
            }

            Read = outcome.Read;
            if (Read?.Document is null)
            {
                Problem = "无法读取该文件：" + (Read?.FatalError?.Message ?? "无法读取文件。");
                return Page();
            }

            if (outcome.Refusal is { } refusal)
            {
                Problem = refusal;
                return Page();
            }

            Review = outcome.Review;
            DuplicateOf = outcome.DuplicateOf;
            Token = await pending.HoldAsync(outcome.Content!, user.Id ?? "", cancellationToken);
        }

        return Page();
    }

    /// <summary>The page for an upload turned away because too many are being imported: 429 with Retry-After.</summary>
    private PageResult Busy(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = importer.RetryAfter;
        return Page();
    }

    /// <summary>The budget year the user gives when the file does not say it.</summary>
    [BindProperty]
    public int? Year { get; set; }

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
        if (outcome.Busy is { } busy)
        {
            // The held file stays, so the user can confirm again once the server is free.
            return Busy(busy);
        }

        if (outcome.Refusal is { } refusal)
        {
            Problem = refusal;
            pending.Release(Token, user.Id ?? "");
            return Page();
        }

        if (outcome.DuplicateOf is not null)
        {
            Problem = "已有同一单位、同一标题和年度的表，请重新上传后选择替换或保留两份。";
            pending.Release(Token, user.Id ?? "");
            return Page();
        }

        pending.Release(Token, user.Id ?? "");
        if (outcome.DocumentId is not { } id)
        {
            Problem = "无法读取该文件：" + (outcome.Read?.FatalError?.Message ?? "无法读取文件。");
            return Page();
        }

        if (outcome.Notes.Count > 0)
        {
            TempData["ImportNotes"] = string.Join("\n", outcome.Notes);
        }

        return Redirect($"/documents/{id}");
    }

    public IActionResult OnPostCancel()
    {
        pending.Release(Token, user.Id ?? "");
        return Redirect("/import");
    }
}
