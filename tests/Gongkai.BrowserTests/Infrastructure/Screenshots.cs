namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots for a person to look at, only when GONGKAI_SCREENSHOT_DIR names a folder.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_SCREENSHOT_DIR") is not { Length: > 0 } dir)
        {
            return;
        }

        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, fileName), FullPage = true });
    }
}
