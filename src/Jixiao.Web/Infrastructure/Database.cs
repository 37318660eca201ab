using Jixiao.Data.Postgres;
using Jixiao.Data.Sqlite;
using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// The one place the database provider is chosen: <c>Database:Provider</c> is <c>Sqlite</c> (default,
/// <c>data/jixiao.db</c> under the content root unless <c>ConnectionStrings:Jixiao</c> says otherwise) or
/// <c>Postgres</c> (<c>ConnectionStrings:Jixiao</c> required).
/// </summary>
internal static class Database
{
    public static IServiceCollection AddJixiaoDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Jixiao");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Jixiao is empty.");
            }

            services.AddDbContext<JixiaoDbContext>(options => PostgresDatabase.Use(options, connectionString));
            services.AddSingleton<DataGeneration>(_ => new PostgresDataGeneration(connectionString));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var directory = Path.Combine(environment.ContentRootPath, "data");
                Directory.CreateDirectory(directory);
                connectionString = "Data Source=" + Path.Combine(directory, "jixiao.db");
            }

            services.AddDbContext<JixiaoDbContext>(options => SqliteDatabase.Use(options, connectionString));
            services.AddSingleton<DataGeneration>(_ => new SqliteDataGeneration(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
        }

        return services;
    }

    /// <summary>Creates or migrates the database, then loads the bundled sample into an empty one.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        await db.Database.MigrateAsync();
        await DocumentStore.IndexMissingTermsAsync(db, (done, total) =>
        {
            if (done == total || done % 5000 < 500)
            {
                app.Logger.LogInformation("为项目查找建立索引 {Done}/{Total}", done, total);
            }
        }, CancellationToken.None);
        await SecuritySetup.EnsureAdministratorAsync(scope.ServiceProvider, app.Configuration, app.Logger);
        if (app.Configuration.GetValue("Jixiao:LoadSample", true) && !await db.Documents.AnyAsync())
        {
            await LoadSampleAsync(app, scope.ServiceProvider, db);
        }

        // Stored reviews made by other rules than the ones now configured (or before reviews recorded their rules) are made again.
        var again = await scope.ServiceProvider.GetRequiredService<UnitReview>().ReviewOutdatedAsync((done, total) =>
        {
            if (done == 1 || done == total || done % 100 == 0)
            {
                app.Logger.LogInformation("审核规则已更改：按现行规则重新审核已保存的表 {Done}/{Total}", done, total);
            }
        }, CancellationToken.None);
        if (again > 0)
        {
            app.Logger.LogInformation("已按现行审核规则重新审核 {Count} 张表。", again);
        }
    }

    private static async Task LoadSampleAsync(WebApplication app, IServiceProvider services, JixiaoDbContext db)
    {

        var samples = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Samples"))
            ? Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.txt").Order(StringComparer.Ordinal).ToList()
            : [];
        if (samples.Count == 0)
        {
            app.Logger.LogWarning("No bundled sample next to the application; starting with an empty database.");
            return;
        }

        // Oldest year first, so the later year is reviewed against it (targets lowered or carried over).
        var importer = services.GetRequiredService<DocumentImporter>();
        foreach (var sample in samples)
        {
            await using var content = File.OpenRead(sample);
            var outcome = await importer.ImportAsync(content, Path.GetFileName(sample), DuplicateChoice.Ask, CancellationToken.None);
            app.Logger.LogInformation("Loaded the bundled sample {Sample} as document {Id}.", Path.GetFileName(sample), outcome.Value?.Id);
        }

        await PlaceSampleUnitsAsync(db);
    }

    /// <summary>Files the sample's unit under an example region and department, so the unit tree has something to show.</summary>
    private static async Task PlaceSampleUnitsAsync(JixiaoDbContext db)
    {
        var region = db.Units.Add(new UnitRecord { Name = "青溪市（示例）", Kind = UnitKinds.Region }).Entity;
        var department = db.Units.Add(new UnitRecord { Name = "青溪市教育局（示例）", Kind = UnitKinds.Department, Parent = region }).Entity;
        foreach (var unit in await db.Units.Where(u => u.Kind == UnitKinds.Unit && u.ParentId == null).ToListAsync())
        {
            unit.Parent = department;
        }

        await db.SaveChangesAsync();
    }
}
