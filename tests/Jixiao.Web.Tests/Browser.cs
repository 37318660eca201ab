using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). A page that answers 5xx, shows
/// the server-error page, opens a dialog or has something blocked by the Content-Security-Policy fails the test.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Responses of 500 or more, dialogs opened by the page (a script that ran), and what the Content-Security-Policy blocked.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>
    /// Starts Chromium, or skips the test saying why when it is not installed, and signs in as
    /// <paramref name="user"/> (the administrator unless told; nobody when null).
    /// </summary>
    public static async Task<Browser> StartAsync(Uri baseAddress, string? user = "admin", string? password = null)
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (./test.sh installs Debian's chromium when run as root); the browser tests need it.");
        }

        // Two cores run the whole suite at once; an assertion waits up to 15 s rather than 5 s for the page to catch up.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        // While the large-upload tests hold both cores, a page's load event can come late: navigations wait
        // up to 90 s and actions up to 60 s before a test calls it a failure (a hang still fails).
        page.SetDefaultNavigationTimeout(90_000);
        page.SetDefaultTimeout(60_000);
        var session = new Browser(playwright, browser, page);
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                session.Problems.Add($"{response.Status} {response.Url}");
            }
        };
        // Anything the Content-Security-Policy blocks (an inline style or script) is a fault of the page.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                session.Problems.Add("CSP: " + message.Text);
            }
        };
        page.Dialog += (_, dialog) =>
        {
            session.Problems.Add("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        if (user is not null)
        {
            await session.SignInAsync(user, password ?? (user == "admin" ? JixiaoApp.AdminPassword : JixiaoApp.UserPassword));
        }

        return session;
    }

    /// <summary>Signs in through the sign-in page and checks that it worked.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.FillAsync("#user", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#login");
        await Page.WaitForSelectorAsync("#who");
    }

    /// <summary>Signs out through the header's button.</summary>
    public async Task SignOutAsync()
    {
        await Page.ClickAsync("#sign-out");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
    }

    /// <summary>Fails when the current page is the server-error page or anything went wrong so far.</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.DoesNotContain("服务器出错", await Page.TitleAsync(), StringComparison.Ordinal);
        Assert.Empty(Problems);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
