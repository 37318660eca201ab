using Microsoft.AspNetCore.Http;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// Gives every ProblemDetails the API sends a Chinese title and detail: the endpoints write their own;
/// what the framework produces (a malformed JSON body, an unknown route, an exception) gets one by status.
/// </summary>
internal static class ChineseProblems
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Title is not null && problem.Title.Any(c => c >= '\u4E00' && c <= '\u9FFF'))
        {
            return;
        }

        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("请求有误", "请求的内容无法读取，请检查格式（如 JSON 是否完整、数字是否写成了文字）。"),
            StatusCodes.Status401Unauthorized => ("未登录", "请先登录，或在 Authorization 头中带上个人访问令牌（Bearer jx_…）。"),
            StatusCodes.Status403Forbidden => ("无权操作", "您的角色或该表当前的状态不允许这样做。"),
            StatusCodes.Status404NotFound => ("找不到", "请求的地址或记录不存在。"),
            StatusCodes.Status405MethodNotAllowed => ("不支持的请求方法", "该地址不支持此请求方法。"),
            StatusCodes.Status413PayloadTooLarge => ("请求过大", "上传的内容超过了上限，未处理。"),
            StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型", "请按接口说明的格式提交（JSON 或 multipart/form-data）。"),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁", "请一分钟后再试。"),
            >= 500 => ("服务器出错", "处理请求时出现了意外错误，已记录。请稍后重试。"),
            _ => ("请求无法处理", "请求无法处理，请检查后重试。"),
        };
    }
}
