using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Jixiao.Web.Security;

/// <summary>
/// After authentication: fills <see cref="CurrentUser"/>, refuses an endpoint without an
/// <see cref="AccessAttribute"/>, asks for sign-in or refuses a role without the access the endpoint
/// declares, sends a user with a one-time password to change it, checks the anti-forgery token of an API
/// write that rides on the sign-in cookie, and records every refusal in the audit trail.
/// Which rows a user sees is not decided here but by the data scope (another unit's object is 404).
/// </summary>
internal sealed class AccessMiddleware(RequestDelegate next)
{
    private static readonly PathString ChangePassword = new("/account/password");

    public async Task InvokeAsync(HttpContext context, CurrentUser user, JixiaoDbContext db, AuditLog audit, IAntiforgery antiforgery, KeptAccounts scopes)
    {
        await user.LoadAsync(context, db, scopes);
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            // No page or endpoint at this address (a mistyped URL, a browser's /favicon.ico): nothing to guard or record.
            await next(context);
            return;
        }

        var declared = endpoint.Metadata.GetMetadata<AccessAttribute>();
        if (declared is null && endpoint.DisplayName is { } name && (name.StartsWith("405 ", StringComparison.Ordinal) || name.StartsWith("415 ", StringComparison.Ordinal)))
        {
            // Routing's own endpoints for a wrong method or content type only answer 405 or 415.
            await next(context);
            return;
        }

        if (declared is null)
        {
            await audit.SecurityAsync("access.undeclared", $"端点没有声明访问规则，已拒绝：{context.Request.Method} {context.Request.Path}");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var api = context.Request.Path.StartsWithSegments("/api");
        if (declared.Access != Access.Anonymous && !user.IsSignedIn)
        {
            if (api && TokenAuthentication.BearerOf(context.Request) is not null)
            {
                await audit.SecurityAsync("token.invalid", $"无效的访问令牌：{context.Request.Method} {context.Request.Path}");
            }

            await context.ChallengeAsync();
            return;
        }

        if (user.IsSignedIn && !user.ByToken && context.User.HasClaim(JixiaoClaims.MustChangePassword, "true")
            && declared.Access != Access.Anonymous && !context.Request.Path.StartsWithSegments(ChangePassword) && context.Request.Path != "/account/logout")
        {
            if (api)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            else
            {
                context.Response.Redirect(ChangePassword);
            }

            return;
        }

        if (!AccessRules.RoleHas(user.Role, declared.Access))
        {
            await audit.SecurityAsync("access.denied", $"{JixiaoRoles.Chinese(user.Role ?? "")}无权访问：{context.Request.Method} {context.Request.Path}");
            await context.ForbidAsync();
            return;
        }

        // A form post is checked by Razor Pages; an API write made with the cookie must carry the token in a header,
        // because a page on another site could otherwise make the browser send it. A bearer token cannot be forged so.
        if (api && user.IsSignedIn && !user.ByToken && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                await audit.SecurityAsync("csrf.refused", $"缺少或无效的防伪令牌：{context.Request.Method} {context.Request.Path}");
                await Results.Problem(title: "防伪验证失败", detail: "请从本系统的页面提交，或使用个人访问令牌调用接口。", statusCode: StatusCodes.Status400BadRequest)
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
        await RecordRefusalAsync(context, user, audit);
    }

    /// <summary>
    /// A 403 or 404 answered to a signed-in user (another unit's object, a state that does not allow the
    /// action) is recorded, unless the service that refused it has recorded it already, with its reason.
    /// </summary>
    private static async Task RecordRefusalAsync(HttpContext context, CurrentUser user, AuditLog audit)
    {
        var status = context.Response.StatusCode;
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && !audit.RefusalRecorded && user.IsSignedIn && status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            await audit.SecurityAsync(status == StatusCodes.Status404NotFound ? "access.not-found" : "access.denied",
                $"{status}：{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        }
    }
}
