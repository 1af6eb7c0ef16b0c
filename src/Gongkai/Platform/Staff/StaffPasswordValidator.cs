using Microsoft.AspNetCore.Identity;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Refuses passwords that are easy to guess, in Chinese: a shipped list of common passwords (keyboard walks, digit runs,
/// years, 'password'/'admin' + digits, common Chinese ones such as woaini1314), only digits, one repeated character,
/// a straight run (123456…, abcdef…), and any password containing the user name. The length (12) is Identity's option.
/// </summary>
internal sealed class StaffPasswordValidator : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var problem = Problem(password ?? "", user.UserName);
        return Task.FromResult(problem is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = problem }));
    }

    public static string? Problem(string password, string? userName)
    {
        var lower = password.ToLowerInvariant();
        if (password.Length == 0)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(userName) && lower.Contains(userName.Trim().ToLowerInvariant(), StringComparison.Ordinal))
        {
            return "密码不能包含用户名。";
        }

        if (lower.All(char.IsAsciiDigit))
        {
            return "密码不能全是数字，请加入字母或符号。";
        }

        if (lower.Distinct().Count() == 1)
        {
            return "密码不能由同一个字符重复组成。";
        }

        if (IsRun(lower))
        {
            return "密码不能是连续的字符（如 abcdefghijkl）。";
        }

        if (Common.Value.Contains(lower) || Common.Value.Contains(lower.TrimEnd('!', '@', '#', '.', '_', '-', '*')))
        {
            return "该密码过于常见，容易被猜中，请换一个。";
        }

        return null;
    }

    private static bool IsRun(string s)
    {
        var step = s[1] - s[0];
        if (step is not (1 or -1))
        {
            return false;
        }

        for (var i = 2; i < s.Length; i++)
        {
            if (s[i] - s[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(StaffPasswordValidator).Assembly.GetManifestResourceStream("Gongkai.Staff.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
