namespace Gongkai.Platform.Cli;

/// <summary>A command line's words: positionals, <c>--option value</c> pairs and flags. Unknown options are errors.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> words, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var list = words.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var word = list[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                Positionals.Add(word);
                continue;
            }

            var name = word[2..];
            string? inline = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (flags.Contains(name) && inline is null)
            {
                options[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < list.Count ? list[++i] : throw new CliError($"选项 --{name} 缺少取值。"));
                options[name] = value;
            }
            else
            {
                throw new CliError($"未知选项 --{name}。");
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Has(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.GetValueOrDefault(name);

    public string Required(string name) =>
        options.GetValueOrDefault(name) is { Length: > 0 } v ? v : throw new CliError($"缺少必需的选项 --{name}。");
}

/// <summary>A command-line mistake: printed to stderr, exit code 2.</summary>
internal sealed class CliError(string message) : Exception(message);
