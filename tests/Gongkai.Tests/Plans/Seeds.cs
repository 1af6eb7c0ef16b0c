using Gongkai.Plans.Parsing;

namespace Gongkai.Tests.Plans;

/// <summary>Three real work plans, copied into Plans/Seeds beside this file (000: label lines, 001: closing parentheses, 004: paragraphs).</summary>
internal static class Seeds
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "Seeds", name + ".txt"));

    public static ParsedPlan Parse(string name, PlanParseOptions? options = null) => PlanParser.Parse(Text(name), options);
}
