using Jixiao.Web.Features.Documents;
using Jixiao.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddJixiaoDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<DocumentImporter>();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

// The request limit sits a little above the upload limit so that an oversized file reaches the
// endpoint's own Chinese message; anything larger still is refused by the server (413).
var maxUpload = builder.Configuration.GetValue("Jixiao:MaxUploadBytes", 20L * 1024 * 1024);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxUpload + (1024 * 1024));
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = maxUpload + (1024 * 1024));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapGet("/healthz", () => TypedResults.Ok("ok")).WithTags("Health").WithSummary("服务是否在运行");
app.MapDocumentsApi();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The web application's entry point (named so tests can host it).</summary>
public partial class Program;
