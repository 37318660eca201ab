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

    /// <summary>The first administrator's password in tests (set through <c>Jixiao:AdminPassword</c>, so no change is forced).</summary>
    public const string AdminPassword = "admin-test-2026";

    /// <summary>The password of the accounts <see cref="AddUserAsync"/> makes.</summary>
    public const string UserPassword = "user-test-2026";

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly bool _loadSample;
    private readonly long _maxUploadBytes;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private string? _adminToken;

    /// <summary>The clock the app is given instead of the system's, when a test needs every stored instant to be one it knows.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The PostgreSQL database's name, null on SQLite.</summary>
    public string? PostgresDatabase { get; private init; }

    /// <summary>False for an app started on another app's PostgreSQL database, which that app drops.</summary>
    private bool OwnsDatabase { get; init; } = true;

    private JixiaoApp(string provider, string connectionString, string? sqliteFile, bool loadSample, long maxUploadBytes, IReadOnlyDictionary<string, string>? settings)
    {
        _settings = settings ?? new Dictionary<string, string>();
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
    public static JixiaoApp Start(string provider, bool loadSample = false, long maxUploadBytes = 2 * 1024 * 1024, string? sqliteFile = null, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null, string? postgresDatabase = null, bool? dropsDatabase = null)
    {
        JixiaoApp app;
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Skip($"{PostgresVariable} is not set: no PostgreSQL server was started for the tests (./test.sh starts one when run as root with PostgreSQL 15 installed).");
            }

            // A database another app made is that app's to drop (a second web server on the same data).
            var name = postgresDatabase ?? $"jixiao_test_{Guid.NewGuid():N}";
            app = new JixiaoApp("Postgres", $"{server};Database={name}", null, loadSample, maxUploadBytes, settings)
            {
                Clock = clock, PostgresDatabase = name, OwnsDatabase = dropsDatabase ?? postgresDatabase is null,
            };
        }
        else
        {
            // A file the caller names outlives this app (to start a second one on it); the caller deletes it.
            var file = sqliteFile ?? Path.Combine(Path.GetTempPath(), $"jixiao-test-{Guid.NewGuid():N}.db");
            app = new JixiaoApp("Sqlite", $"Data Source={file};Pooling=False", sqliteFile is null ? file : null, loadSample, maxUploadBytes, settings) { Clock = clock };
        }

        app.StartServer();
        return app;
    }

    /// <summary>A client acting as the administrator, with a personal access token.</summary>
    public HttpClient Client()
    {
        _adminToken ??= TokenFor("admin");
        return ClientWithToken(_adminToken);
    }

    /// <summary>A client that has not signed in.</summary>
    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client calling the API with <paramref name="token"/>.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Makes a personal access token for <paramref name="userName"/> directly in the database.</summary>
    public string TokenFor(string userName)
    {
        var (token, hash, prefix) = Jixiao.Web.Security.TokenAuthentication.NewToken();
        QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            db.AccessTokens.Add(new Data.Records.AccessTokenRecord { UserId = user.Id, Name = "test", Hash = hash, Prefix = prefix, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
        return token;
    }

    /// <summary>Adds a unit-tree node (and its parent chain must exist already); returns its id.</summary>
    public Task<int> AddUnitAsync(string name, string kind, int? parentId) => QueryAsync(async db =>
    {
        var node = new Data.Records.UnitRecord { Name = name, Kind = kind, ParentId = parentId };
        db.Units.Add(node);
        await db.SaveChangesAsync();
        return node.Id;
    });

    /// <summary>Adds an account with <see cref="UserPassword"/> (no change forced) and returns it.</summary>
    public async Task AddUserAsync(string userName, string role, params int[] unitIds)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jixiao.Web.Security.CurrentUser>().ActAsSystem();
        await Data.Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Records.JixiaoUser>>(),
            scope.ServiceProvider.GetRequiredService<JixiaoDbContext>(), userName, userName, role, unitIds, DateTimeOffset.UtcNow, UserPassword, mustChangePassword: false);
    }

    /// <summary>Runs <paramref name="query"/> against the app's database directly, seeing every unit.</summary>
    public async Task<T> QueryAsync<T>(Func<JixiaoDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jixiao.Web.Security.CurrentUser>().ActAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<JixiaoDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Jixiao", _connectionString);
        builder.UseSetting("Jixiao:LoadSample", _loadSample ? "true" : "false");
        builder.UseSetting("Jixiao:MaxUploadBytes", _maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jixiao:AdminPassword", AdminPassword);

        // Tests upload and sign in far more often than people do; the attack tests set the real limits.
        builder.UseSetting("Jixiao:RateLimit:LoginPerMinute", "1000");
        builder.UseSetting("Jixiao:RateLimit:UploadsPerMinute", "1000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_provider == "Postgres" && OwnsDatabase)
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
