using Jixiao.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The real application on a real port (Kestrel, port chosen by the system) over its own database:
/// a fresh SQLite file, or a fresh database on the PostgreSQL server named by
/// <c>JIXIAO_TEST_POSTGRES</c> (set by test.sh when it has started one).
/// </summary>
internal sealed class JixiaoApp : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "JIXIAO_TEST_POSTGRES";

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly bool _loadSample;
    private readonly long _maxUploadBytes;

    private JixiaoApp(string provider, string connectionString, string? sqliteFile, bool loadSample, long maxUploadBytes)
    {
        _provider = provider;
        _connectionString = connectionString;
        _sqliteFile = sqliteFile;
        _loadSample = loadSample;
        _maxUploadBytes = maxUploadBytes;
        UseKestrel(0);
    }

    /// <summary>The providers the tests run on; PostgreSQL only where a server was started.</summary>
    public static TheoryData<string> Providers() => ["sqlite", "postgres"];

    /// <summary>Starts the app on <paramref name="provider"/>, or skips the test with the reason when that database is not available.</summary>
    public static JixiaoApp Start(string provider, bool loadSample = false, long maxUploadBytes = 2 * 1024 * 1024, string? sqliteFile = null)
    {
        JixiaoApp app;
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Skip($"{PostgresVariable} is not set: no PostgreSQL server was started for the tests (./test.sh starts one when run as root with PostgreSQL 15 installed).");
            }

            app = new JixiaoApp("Postgres", $"{server};Database=jixiao_test_{Guid.NewGuid():N}", null, loadSample, maxUploadBytes);
        }
        else
        {
            // A file the caller names outlives this app (to start a second one on it); the caller deletes it.
            var file = sqliteFile ?? Path.Combine(Path.GetTempPath(), $"jixiao-test-{Guid.NewGuid():N}.db");
            app = new JixiaoApp("Sqlite", $"Data Source={file};Pooling=False", sqliteFile is null ? file : null, loadSample, maxUploadBytes);
        }

        app.StartServer();
        return app;
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>Runs <paramref name="query"/> against the app's database directly.</summary>
    public async Task<T> QueryAsync<T>(Func<JixiaoDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JixiaoDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Jixiao", _connectionString);
        builder.UseSetting("Jixiao:LoadSample", _loadSample ? "true" : "false");
        builder.UseSetting("Jixiao:MaxUploadBytes", _maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_provider == "Postgres")
        {
            try
            {
                await QueryAsync(db => db.Database.EnsureDeletedAsync());
            }
            catch (InvalidOperationException)
            {
                // The host never started; there is no database to drop.
            }
        }

        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
