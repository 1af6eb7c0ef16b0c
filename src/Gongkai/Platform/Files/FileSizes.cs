using System.Globalization;

namespace Gongkai.Platform.Files;

public static class FileSizes
{
    /// <summary>A file size the way people read it: 860 字节, 35.2 KB, 1.4 MB.</summary>
    public static string Text(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " 字节",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
