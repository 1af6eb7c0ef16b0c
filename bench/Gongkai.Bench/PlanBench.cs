using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Plans.Parsing;

namespace Gongkai.Bench;

/// <summary>
/// <c>plan-parse [--chars 200000] [--runs 21] [--seed 2026]</c>: parses a generated work plan of the given size
/// (label-line tasks, parenthesis tasks and paragraph groups with 分别, whitespace damage and page numbers mixed).
/// </summary>
internal static class PlanBench
{
    public static int Run(string[] args)
    {
        var chars = 200_000;
        var runs = 21;
        var seed = 2026;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--chars": chars = v; break;
                case "--runs": runs = v; break;
                case "--seed": seed = v; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var text = Generate(chars, seed);
        var times = new List<double>();
        var tasks = 0;
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var plan = PlanParser.Parse(text);
            sw.Stop();
            times.Add(sw.Elapsed.TotalMilliseconds);
            tasks = plan.Tasks.Count;
        }

        var first = times[0];
        var steady = times.Skip(1).Order().ToList();
        double P(double q) => steady[Math.Min(steady.Count - 1, (int)Math.Ceiling(q * steady.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"RESULT plan-parse chars={text.Length} tasks={tasks} runs={runs} first_ms={first:F1} median_ms={P(0.5):F1} p95_ms={P(0.95):F1} max_ms={steady[^1]:F1}"));
        return 0;
    }

    public static string Generate(int chars, int seed)
    {
        var random = new Random(seed);
        string[] units = ["区政府办", "区发展改革委", "区财政局", "区民政局", "区教委", "区卫生健康委", "区司法局", "区政务服务局"];
        string[] verbs = ["做好", "加强", "推进", "深化", "持续做好"];
        string[] topics = ["财政预决算信息公开", "重大行政决策预公开", "政策解读和回应关切", "基层政务公开标准化", "公共企事业单位信息公开", "政府网站集约化建设"];
        string Sentence() => verbs[random.Next(verbs.Length)] + topics[random.Next(topics.Length)] + "，" + verbs[random.Next(verbs.Length)] + topics[random.Next(topics.Length)] + "。";
        string Unit() => units[random.Next(units.Length)];
        var cn = "一二三四五六七八九十";
        var sb = new StringBuilder("西城区政务公开工作要点（基准测试）\n\n");
        var part = 0;
        var number = 0;
        while (sb.Length < chars)
        {
            part++;
            sb.Append(cn[(part - 1) % 10]).Append("、第").Append(part).Append("部分\n");
            for (var section = 1; section <= 3 && sb.Length < chars; section++)
            {
                sb.Append('（').Append(cn[section - 1]).Append("）第").Append(section).Append("节\n");
                switch (random.Next(3))
                {
                    case 0:
                        for (var k = 0; k < 8; k++)
                        {
                            sb.Append(++number).Append('.').Append(Sentence()).Append(Sentence()).Append('\n');
                            sb.Append("牵头单位：").Append(Unit()).Append('\n');
                            sb.Append("责任单位：").Append(Unit()).Append("、各街道\n");
                            sb.Append("完成时限：2026年").Append(random.Next(1, 13)).Append("月底前完成并持续落实\n\n");
                        }

                        break;
                    case 1:
                        for (var k = 1; k <= 8; k++)
                        {
                            sb.Append("- ").Append(k).Append(". ").Append(Sentence()).Append(" ").Append(Sentence())
                              .Append("(").Append(Unit()).Append("、").Append(Unit()).Append("分别负责 落实,完成时限: 2026 年 ").Append(random.Next(1, 13)).Append(" 月)\n");
                            if (k == 4)
                            {
                                sb.Append("— ").Append(part).Append(" —\n");
                            }
                        }

                        break;
                    default:
                        sb.Append("（").Append(cn[(section + 2) % 10]).Append("）做好专题公开。");
                        for (var k = 0; k < 8; k++)
                        {
                            sb.Append(Sentence()).Append('（').Append(Unit()).Append("牵头，相关单位负责落实）");
                        }

                        sb.Append('\n');
                        break;
                }
            }
        }

        return sb.ToString();
    }
}
