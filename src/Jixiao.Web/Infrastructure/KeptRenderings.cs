using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// Pages as rendered, per user, browser and address, kept while nothing has been committed to the database
/// since they were read (<see cref="DataGeneration"/>).
/// <para>
/// A rendered page carries the user's anti-forgery token, which is valid for that user with that browser's
/// anti-forgery cookie: so the key is the user, the cookie's value and the path with its query, and a
/// browser without the cookie yet (it would be given one with the page) is never answered from here. A
/// request carrying a one-time message (TempData) renders afresh and keeps nothing, as the message is shown
/// once. What the page says depends on nothing but the data, the user and the address.
/// </para>
/// </summary>
public sealed class KeptRenderings(DataGeneration generation)
{
    /// <summary>The most pages kept; past it the cache starts again.</summary>
    public const int Capacity = 128;

    /// <summary>The anti-forgery cookie (see the security setup).</summary>
    public const string AntiforgeryCookie = "jixiao.csrf";

    /// <summary>The headers a rendering sets that a kept answer repeats (the anti-forgery token's no-store and framing rule).</summary>
    private static readonly string[] Repeated = ["Cache-Control", "Pragma", "X-Frame-Options"];

    public DataGeneration Generation => generation;

    internal GenerationCache<(string User, string Browser, string Address), Rendering> Pages { get; } = new(Capacity);

    internal static (string, string, string)? KeyOf(HttpContext context, string? userId)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || userId is null
            || request.Cookies[AntiforgeryCookie] is not { Length: > 0 } browser
            || request.Cookies.Keys.Any(name => name.Contains("TempData", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return (userId, browser, request.Path.Value + request.QueryString.Value);
    }

    internal sealed record Rendering(byte[] Body, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
    {
        public static Rendering Of(byte[] body, HttpResponse response) =>
            new(body, response.ContentType ?? "text/html; charset=utf-8",
                [.. Repeated.Where(h => response.Headers.ContainsKey(h)).Select(h => KeyValuePair.Create(h, response.Headers[h].ToString()))]);
    }
}

/// <summary>
/// Answers a page's GET from <see cref="KeptRenderings"/> when it may, and keeps what it renders otherwise.
/// Put on page models whose GET shows only data read under the request's data generation.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepRenderingAttribute : Attribute, IAsyncPageFilter, IAsyncResultFilter
{
    private static readonly object KeyItem = new();

    /// <summary>What a request rendering a page to keep carries from the handler to its result.</summary>
    private sealed record Pending((string, string, string) Key, long Generation);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var user = http.RequestServices.GetRequiredService<Security.CurrentUser>();
        if (KeptRenderings.KeyOf(http, user.Id) is not { } key)
        {
            await next();
            return;
        }

        var kept = http.RequestServices.GetRequiredService<KeptRenderings>();
        var current = await kept.Generation.ForRequestAsync(http);
        if (kept.Pages.TryGet(key, current, out var rendering))
        {
            foreach (var (name, value) in rendering.Headers)
            {
                http.Response.Headers[name] = value;
            }

            context.Result = new FileContentResult(rendering.Body, rendering.ContentType);
            return;
        }

        if (current is not null)
        {
            http.Items[KeyItem] = new Pending(key, current.Value);
        }

        await next();
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (context.Result is not PageResult || !http.Items.TryGetValue(KeyItem, out var item) || item is not Pending pending)
        {
            await next();
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        ResultExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            http.Response.Body = original;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        if (executed.Exception is null && http.Response.StatusCode == StatusCodes.Status200OK)
        {
            http.RequestServices.GetRequiredService<KeptRenderings>().Pages.Put(pending.Key, pending.Generation, KeptRenderings.Rendering.Of(buffer.ToArray(), http.Response));
        }
    }
}
