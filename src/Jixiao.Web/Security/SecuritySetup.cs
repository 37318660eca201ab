using Microsoft.AspNetCore.DataProtection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Security;

/// <summary>Accounts, sign-in, tokens, the data scope, rate limits and security headers.</summary>
internal static class SecuritySetup
{
    /// <summary>The scheme that picks the token handler for a bearer request and the sign-in cookie otherwise.</summary>
    public const string Scheme = "Jixiao";

    public const string LoginPolicy = "login";

    public const string UploadPolicy = "upload";

    /// <summary>Content-Security-Policy: no script or style but the site's own files (no inline ones), nothing from elsewhere, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddJixiaoSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Several web servers behind one proxy must read each other's sign-in cookies and anti-forgery
        // tokens: they share the key ring, kept in the database (or in a folder all of them can reach).
        var protection = services.AddDataProtection().SetApplicationName("Jixiao");
        if (configuration["Jixiao:DataProtectionKeys"] is { Length: > 0 } keys)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        else
        {
            protection.PersistKeysToDbContext<JixiaoDbContext>();
        }

        services.AddScoped<CurrentUser>();
        services.AddSingleton<TokenUse>();
        services.AddSingleton<TokenPrincipals>();
        services.AddSingleton<KeptAccounts>();
        services.AddHostedService<TokenUseWriter>();
        services.AddScoped<IDataScope>(provider => provider.GetRequiredService<CurrentUser>());
        services.AddScoped<AuditLog>();
        services.AddIdentity<JixiaoUser, IdentityRole>(Accounts.Configure)
            .AddEntityFrameworkStores<JixiaoDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<JixiaoClaimsFactory>();

        // Every request checks the user's security stamp (read again whenever anything was committed), so
        // signing out (or a password change) ends every copy of the cookie at once.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Events.OnValidatePrincipal = KeptAccounts.ValidateCookieAsync;
            cookie.Cookie.Name = "jixiao.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignOutScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or token", policy => policy.ForwardDefaultSelector = context =>
                TokenAuthentication.BearerOf(context.Request) is not null ? TokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = Infrastructure.KeptRenderings.AntiforgeryCookie;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });

        var loginPerMinute = configuration.GetValue("Jixiao:RateLimit:LoginPerMinute", 10);
        var uploadsPerMinute = configuration.GetValue("Jixiao:RateLimit:UploadsPerMinute", 30);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginPolicy, context => Window(context, "login", loginPerMinute));
            limiter.AddPolicy(UploadPolicy, context => Window(context, "upload", uploadsPerMinute));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                await context.RequestServices.GetRequiredService<AuditLog>().SecurityAsync("rate-limited", $"请求过于频繁：{context.Request.Method} {context.Request.Path}");
                context.Response.Headers.RetryAfter = "60";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(title: "请求过于频繁", detail: "请一分钟后再试。", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
                }
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext context, string name, int perMinute) =>
        // Only the writes count: showing the sign-in page or the upload form is not limited.
        HttpMethods.IsGet(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter(name)
            : RateLimitPartition.GetFixedWindowLimiter(name + ":" + context.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    /// <summary>Security headers on every answer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Makes the roles exist and, on a fresh installation (no account yet), creates the administrator
    /// <c>admin</c> with a one-time password printed to the console (or <c>Jixiao:AdminPassword</c> when set).
    /// </summary>
    public static async Task EnsureAdministratorAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        await Accounts.EnsureRolesAsync(roles);
        var users = services.GetRequiredService<UserManager<JixiaoUser>>();
        if (await users.Users.AnyAsync())
        {
            return;
        }

        var db = services.GetRequiredService<JixiaoDbContext>();
        var configured = configuration["Jixiao:AdminPassword"];
        var created = await Jixiao.Data.Accounts.CreateAsync(users, db, "admin", "系统管理员", JixiaoRoles.Administrator, [],
            services.GetRequiredService<TimeProvider>().GetUtcNow(), string.IsNullOrEmpty(configured) ? null : configured, mustChangePassword: string.IsNullOrEmpty(configured));
        if (string.IsNullOrEmpty(configured))
        {
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine("  已创建管理员账户 / administrator account created");
            Console.WriteLine($"  用户名 user name: {created.User.UserName}");
            Console.WriteLine($"  一次性密码 one-time password: {created.Password}");
            Console.WriteLine("  首次登录后须修改密码。This password must be changed at first sign-in.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }

        logger.LogInformation("Created the administrator account {User}.", created.User.UserName);
    }
}
