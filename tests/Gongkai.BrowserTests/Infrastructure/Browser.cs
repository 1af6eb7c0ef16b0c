namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>Every browser test is in this one collection, so they run one after another against one application.</summary>
[CollectionDefinition(GongkaiSuite.Name)]
public sealed class GongkaiCollection : ICollectionFixture<GongkaiSuite>;

/// <summary>What every browser test shares: the running application and the Playwright driver, started side by side.</summary>
public sealed class GongkaiSuite : IAsyncLifetime
{
    public const string Name = "Gongkai in Chromium";

    public GongkaiServer App { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var app = App.InitializeAsync();
        var driver = Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            await Task.WhenAll(app, driver);
        }
        catch
        {
            // Not every runner disposes a fixture that failed to start: stop the process and the driver here.
            await DisposeAsync();
            if (driver.IsCompletedSuccessfully)
            {
                driver.Result.Dispose();
            }

            throw;
        }

        Playwright = driver.Result;
    }

    public async Task DisposeAsync()
    {
        Playwright?.Dispose();
        Playwright = null!;
        await App.DisposeAsync();
    }
}

/// <summary>
/// One headless Chromium per test class: the machine's own (/usr/bin/chromium, or GONGKAI_CHROMIUM),
/// never a browser that Playwright would download.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IBrowser? browser;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM") is { Length: > 0 } given ? given : "/usr/bin/chromium";

    /// <summary>The class's browser, launched on first use (tests within a class run one at a time).</summary>
    public async Task<IBrowser> BrowserAsync(IPlaywright playwright)
    {
        if (browser is not null)
        {
            return browser;
        }

        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"Chromium not found at {ExecutablePath}: install Debian's chromium package or set GONGKAI_CHROMIUM");
        }

        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return browser;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
    }
}

/// <summary>A test class (mark it [Collection(GongkaiSuite.Name)]): a fresh browser context (cookies, storage) for each test.</summary>
public abstract class BrowserTest(GongkaiSuite suite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    protected GongkaiServer Server => suite.App;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync() => Page = await NewPersonAsync();

    /// <summary>
    /// A page in a context of its own (own cookies and storage): another person at another computer, e.g. a
    /// reviewer beside the editor, or a reader who is not signed in. Closed with the test.
    /// </summary>
    protected async Task<IPage> NewPersonAsync()
    {
        var browser = await chromium.BrowserAsync(suite.Playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        contexts.Clear();
    }

    /// <summary>Switches the elder-friendly mode on or off the way a reader does, then returns to <paramref name="returnUrl"/>.</summary>
    protected async Task SetElderModeAsync(bool on, string returnUrl = "/")
    {
        await GotoOkAsync($"/preferences/elder?on={(on ? 1 : 0)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        if (on)
        {
            await Expect(Page.Locator("body")).ToHaveClassAsync(ElderClass());
        }
        else
        {
            await Expect(Page.Locator("body")).Not.ToHaveClassAsync(ElderClass());
        }
    }

    /// <summary>Fills in and sends the sign-in form as a member of staff would.</summary>
    protected Task SubmitSignInAsync(string userName, string password) => SubmitSignInAsync(Page, userName, password);

    protected static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await GotoOkAsync(page, "/account/login");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in on <paramref name="page"/> and waits for the work list.</summary>
    protected static async Task SignInAsync(IPage page, string userName, string password)
    {
        await SubmitSignInAsync(page, userName, password);
        await ExpectWorkListAsync(page);
    }

    /// <summary>
    /// First sign-in of an account an administrator created: the initial password must be replaced before the work list
    /// opens; sets <paramref name="newPassword"/> and waits for the work list.
    /// </summary>
    protected static async Task SignInFirstTimeAsync(IPage page, string userName, string initialPassword, string newPassword)
    {
        await SubmitSignInAsync(page, userName, initialPassword);
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/account/password");
        await page.GetByLabel("当前密码", new() { Exact = true }).FillAsync(initialPassword);
        await page.GetByLabel("新密码（至少12位，含数字，不能含用户名或是常见密码）", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("再次输入新密码", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码", Exact = true }).ClickAsync();
        await ExpectWorkListAsync(page);
    }

    /// <summary>Signs in as the administrator and waits for the work list.</summary>
    protected async Task SignInAsync()
    {
        await SubmitSignInAsync(GongkaiServer.AdminUserName, GongkaiServer.AdminPassword);
        await ExpectWorkListAsync();
    }

    protected Task ExpectWorkListAsync() => ExpectWorkListAsync(Page);

    protected static async Task ExpectWorkListAsync(IPage page)
    {
        try
        {
            await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/admin");
        }
        catch (TimeoutException e)
        {
            // Say where the browser stayed and what that page said (a refusal, a throttle, an error page).
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"the work list did not open; the browser stayed on {page.Url}, which says: {text[..Math.Min(text.Length, 500)]}", e);
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台", Level = 1 })).ToBeVisibleAsync();
    }

    protected Task<IResponse> GotoOkAsync(string url) => GotoOkAsync(Page, url);

    protected static async Task<IResponse> GotoOkAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {url} answered {response.Status} {response.StatusText}");
        return response;
    }

    protected string CurrentPath => new Uri(Page.Url).AbsolutePath;

    protected static System.Text.RegularExpressions.Regex ElderClass() => new(@"(^|\s)elder(\s|$)");

    protected Task<double> BodyFontSizeAsync() =>
        Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
}
