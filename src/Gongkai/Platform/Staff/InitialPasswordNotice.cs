namespace Gongkai.Platform.Staff;

/// <summary>
/// Tells the operator the generated initial administrator password without putting it into a log: on the console only
/// when the console is a terminal; when output is redirected (a service manager, a container log, a file) the password
/// goes to a file readable by its owner only (Staff:InitialPasswordFile, default data/initial-admin-password.txt, mode
/// 0600) and the console says where.
/// </summary>
public static class InitialPasswordNotice
{
    public const string DefaultFile = "data/initial-admin-password.txt";

    public static string Tell(string password, IConfiguration configuration, bool consoleIsTerminal, TextWriter console)
    {
        var line = $"管理员账号 {AdminBootstrap.UserName} 的初始密码：{password}（只显示这一次，首次登录后须修改）";
        if (consoleIsTerminal)
        {
            console.WriteLine(line);
            return "console";
        }

        var path = Path.GetFullPath(configuration["Staff:InitialPasswordFile"] ?? DefaultFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, System.Text.Encoding.UTF8, options))
        {
            file.WriteLine(line);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        console.WriteLine($"管理员账号 {AdminBootstrap.UserName} 的初始密码已写入 {path}（仅本用户可读；首次登录后须修改，然后请删除该文件）。");
        return path;
    }
}
