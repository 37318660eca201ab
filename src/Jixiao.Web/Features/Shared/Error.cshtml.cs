using Microsoft.AspNetCore.Diagnostics;

namespace Jixiao.Web.Features.Shared;

/// <summary>The page shown for a missing page or a server error: a Chinese message, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[Access(Access.Anonymous)]
public sealed class ErrorModel(IConfiguration configuration) : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    [Access(Access.Anonymous)]
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Reached only through the error handlers: an exception, or a status page re-executed with its code.
        // Asked for directly there is no error to explain, and no page here: that is a 404, whatever the query says.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted && !failed)
        {
            code = StatusCodes.Status404NotFound;
        }

        // After an exception the handler has already set the status (413 for a body over the limit).
        code ??= Response.StatusCode is >= 400 and not 500 ? Response.StatusCode : null;
        (Title, Message) = code switch
        {
            403 => ("无权操作", "您的角色或该表当前的状态不允许这样做。如需权限，请联系管理员。"),
            404 => ("找不到页面", "要找的页面或记录不存在，可能已被删除。"),
            429 => ("请求过于频繁", "请一分钟后再试。"),
            413 => ("内容过大", $"提交的内容超过了上限（上传的文件不能超过 {Display.Size(configuration.GetValue("Jixiao:MaxUploadBytes", 20L * 1024 * 1024))}，其他表单不能超过 2 MB），未处理。"),
            null or >= 500 => ("服务器出错", "处理请求时出现了意外错误，已记录。请稍后重试；如果一再出现，请联系管理员。"),
            _ => ("请求有误", "请求无法处理，请检查后重试。"),
        };
        if (code is not null)
        {
            Response.StatusCode = code.Value;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
