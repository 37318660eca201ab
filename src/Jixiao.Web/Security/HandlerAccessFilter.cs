using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Jixiao.Web.Security;

/// <summary>
/// A page declares the access its GET needs on its class; a handler that changes something (送审, 批复,
/// 保存…) declares its own on the method, and a role without it is refused (403, recorded) before the
/// handler runs. A POST handler without a declaration is refused like an undeclared endpoint.
/// </summary>
internal sealed class HandlerAccessFilter(CurrentUser user, AuditLog audit) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is { } handler && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            var declared = handler.MethodInfo.GetCustomAttribute<AccessAttribute>();
            if (declared is null || !AccessRules.RoleHas(user.Role, declared.Access))
            {
                await audit.SecurityAsync(declared is null ? "access.undeclared" : "access.denied",
                    $"{(declared is null ? "页面操作没有声明访问规则" : JixiaoRoles.Chinese(user.Role ?? "") + "无权操作")}：{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}（{handler.Name ?? "保存"}）");
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            }
        }

        await next();
    }
}
