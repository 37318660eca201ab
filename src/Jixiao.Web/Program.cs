using Jixiao.Web.Features.Documents;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Projects;
using Jixiao.Web.Features.SelfEvaluation;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Admin;
using Jixiao.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddJixiaoDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Jixiao.Web.Features.Shared.LocalTime>();
builder.Services.AddSingleton<ImportSettings>();
builder.Services.AddSingleton<ImportGate>();
builder.Services.AddHostedService<MemoryAfterImports>();
builder.Services.AddHostedService<YoungGenerationKeeper>();
// The rules in force: the bundled national default, under the deployment's rules files (Jixiao:RulesFile,
// Jixiao:RegionRules). The only place the default is named; everything else is given its region's rules.
builder.Services.AddSingleton(RegionRules.Load(builder.Configuration, Jixiao.Domain.Review.ReviewSettings.National, builder.Environment.ContentRootPath));
// One review stage, or two (主管部门 → 财政): Jixiao:ReviewStages.
builder.Services.AddSingleton(WorkflowSetup.Table(builder.Configuration));
builder.Services.AddScoped<UnitReview>();
builder.Services.AddSingleton<ReadOnlyOptions>();
builder.Services.AddScoped<ReadOnlyData>();
builder.Services.AddScoped<DocumentImporter>();
builder.Services.AddSingleton<PendingUploads>();
builder.Services.AddScoped<ProjectEditor>();
builder.Services.AddScoped<SelfEvaluationService>();
builder.Services.AddScoped<SelfEvaluationImport>();
builder.Services.AddScoped<MonitoringService>();
builder.Services.AddScoped<DocumentWorkflow>();
builder.Services.AddScoped<ReportWorkflow>();
builder.Services.AddScoped<AccountService>();
builder.Services.AddScoped<Jixiao.Web.Features.Admin.AdminService>();
builder.Services.AddScoped<DocumentQueries>();
builder.Services.AddSingleton<Jixiao.Web.Infrastructure.KeptRenderings>();
builder.Services.AddScoped<ProjectQueries>();
builder.Services.AddScoped<Jixiao.Web.Features.Search.ProjectSearch>();
builder.Services.AddSingleton<Jixiao.Web.Features.Search.KeptProjectPages>();
builder.Services.AddScoped<Jixiao.Web.Features.Overview.OverviewQueries>();
builder.Services.AddScoped<WorkflowHistory>();
builder.Services.AddScoped<ReportProjects>();
builder.Services.AddScoped<Jixiao.Web.Features.Seasons.SeasonService>();
builder.Services.AddJixiaoSecurity(builder.Configuration);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ChineseProblems.Fill);
builder.Services.AddOpenApi();
// Pages live beside the endpoints and services of their feature; each page names its own route.
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
    .AddMvcOptions(options => options.Filters.Add<HandlerAccessFilter>());

// Pages write Chinese as Chinese, not as numeric character references (text is still HTML-encoded).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

// The request limit sits a little above the upload limit so that an oversized file reaches the
// endpoint's own Chinese message; anything larger still is refused by the server (413).
var maxUpload = new ImportSettings(builder.Configuration).Options.MaxFileBytes;
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxUpload + (1024 * 1024));
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = maxUpload + (1024 * 1024));

var app = builder.Build();

// Behind a reverse proxy, the client's address (for rate limits and the audit trail) and the scheme come
// from the proxy's headers; only when the deployment says it is behind one, since anyone can send them.
if (app.Configuration.GetValue("Jixiao:BehindProxy", false))
{
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}

app.UseSecurityHeaders();

// The API answers errors with ProblemDetails; pages with a Chinese error page. Neither shows a stack trace.
// A request the server refuses while reading it (too large, malformed) keeps its own status code.
static int StatusOf(Exception exception) => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
    api.UseStatusCodePages();
});
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
    pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
});
app.UseStaticFiles();

// A body announced larger than any upload may be is refused before anything reads it, with the status
// (and so the Chinese page or problem) for "too large" rather than a failed form or token check.
app.Use(async (context, next) =>
{
    if (context.Request.ContentLength is { } length && length > maxUpload + (1024 * 1024)
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
    {
        // A browser that is cut off mid-upload shows a network error instead of the answer, so a body up
        // to 64 MB is read and discarded first; a larger one is cut off.
        if (length <= 64 * 1024 * 1024 && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        await context.RequestServices.GetRequiredService<AuditLog>().SecurityAsync("upload.too-large",
            $"请求体 {length} 字节，超过上限，已拒绝：{context.Request.Method} {context.Request.Path}（来自 {context.Connection.RemoteIpAddress}）");
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return;
    }

    // Only the two upload doors take a file; every other request (a form, a JSON body) is far smaller, so
    // its body is held to a small limit and a crafted megabytes-long body is refused before it is parsed.
    if (!IsUpload(context.Request) && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
    {
        bodyLimit.MaxRequestBodySize = MaxOtherBody;
    }

    await next(context);
});

// Routing after the error handlers, so that a re-executed /error request is routed afresh.
// Every endpoint declares its Access; AccessMiddleware refuses one that does not and checks the role.
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseMiddleware<AccessMiddleware>();
app.UseAntiforgery();
app.MapOpenApi().RequireAccess(Access.Read);
app.MapRazorPages();
app.MapGet("/healthz", () => TypedResults.Ok("ok")).RequireAccess(Access.Anonymous).WithTags("Health").WithSummary("服务是否在运行");
app.MapDocumentsApi();
app.MapProjectsApi();
app.MapSelfEvaluationApi();
app.MapMonitoringApi();
app.MapWorkflowApi();
app.MapAccountsApi();
app.MapAdminApi();
Jixiao.Web.Features.Seasons.SeasonsApi.MapSeasonsApi(app);

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The web application's entry point (named so tests can host it).</summary>
public partial class Program
{
    /// <summary>The largest body of a request that is not an upload: the edit page with 200 indicators is well under it.</summary>
    private const long MaxOtherBody = 2 * 1024 * 1024;

    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/documents", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/import", StringComparison.OrdinalIgnoreCase));
}
