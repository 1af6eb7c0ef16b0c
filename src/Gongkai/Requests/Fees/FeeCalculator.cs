using Gongkai.Platform;

namespace Gongkai.Requests.Fees;

/// <summary>The two ways of charging 信息处理费 (国办函〔2020〕109号 Art. 3): one per request, never both.</summary>
public enum FeeMethod
{
    /// <summary>按件计收 (Art. 4)</summary>
    PerRequest = 1,
    /// <summary>按量计收 (Art. 5)</summary>
    PerPage = 2,
}

/// <summary>The part of a fee in one tier: the units (items or pages, numbered from 1) that fell into it and their rate.</summary>
public sealed record FeeTier(int From, int To, int Units, int Rate, string Unit)
{
    public int Amount => Units * Rate;

    public string Describe() => Rate == 0
        ? $"第{From}{(To > From ? "—" + To : "")}{Unit}：{Units}{Unit}，不收费"
        : $"第{From}{(To > From ? "—" + To : "")}{Unit}：{Units}{Unit}×{Rate}元={Amount}元";
}

/// <summary>A computed fee with the tiers that make it up, for the fee notice (依据、标准、数额).</summary>
public sealed record FeeQuote(FeeMethod Method, int Amount, IReadOnlyList<FeeTier> Tiers, string Basis)
{
    public IEnumerable<string> Lines() => Tiers.Where(t => t.Units > 0).Select(t => t.Describe());
}

/// <summary>
/// 信息处理费 per 国办函〔2020〕109号, both methods computed 超额累进 (progressively, like income tax: each unit at the
/// rate of its own tier). Whole yuan throughout.
/// <list type="bullet">
/// <item>Art. 4 按件: counted per applicant per natural month; the 1st–10th item free, the 11th–30th 100 元 each,
/// from the 31st in bands of ten each 100 元 dearer (31–40: 200, 41–50: 300, …).</item>
/// <item>Art. 5 按量: per request, by pages; up to 30 free, 31–100 10 元, 101–200 20 元, from 201 40 元 a page.</item>
/// </list>
/// </summary>
public static class FeeCalculator
{
    public const int FreeItemsPerMonth = 10;
    public const int FirstBandLastItem = 30;
    public const int FirstBandRate = 100;
    public const int BandSize = 10;
    public const int FreePages = 30;

    private const string PerRequestBasis = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条：按件计收，同一申请人一个自然月内累计申请10件以下（含10件）的不收费，11—30件的部分每件收费100元，31件以上的部分以10件为一档，每增加一档收费标准提高100元/件";
    private const string PerPageBasis = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第五条：按量计收，30页以下（含30页）的不收费，31—100页的部分每页收费10元，101—200页的部分每页收费20元，201页以上的部分每页收费40元";

    /// <summary>The fee of the <paramref name="n"/>th item an applicant files in a natural month.</summary>
    public static int RatePerItem(int n) => n switch
    {
        <= FreeItemsPerMonth => 0,
        <= FirstBandLastItem => FirstBandRate,
        _ => FirstBandRate * (2 + ((n - FirstBandLastItem - 1) / BandSize)),
    };

    /// <summary>The fee of one page at position <paramref name="page"/> of a request.</summary>
    public static int RatePerPage(int page) => page switch
    {
        <= FreePages => 0,
        <= 100 => 10,
        <= 200 => 20,
        _ => 40,
    };

    /// <summary>
    /// 按件: the fee of a request counting <paramref name="items"/> items (“一事一申请”, at least 1) when the same applicant
    /// already filed <paramref name="earlierItems"/> items in the same natural month.
    /// </summary>
    public static FeeQuote PerRequest(int earlierItems, int items)
    {
        if (earlierItems < 0)
        {
            throw new ValidationFailure("本月此前的申请件数不能为负数。", "EarlierItems");
        }

        if (items < 1)
        {
            throw new ValidationFailure("本申请至少计为1件。", "Items");
        }

        if (earlierItems + items > 10_000)
        {
            throw new ValidationFailure("件数超出合理范围，请核对。", "Items");
        }

        var first = earlierItems + 1;
        var last = earlierItems + items;
        var tiers = new List<FeeTier>();
        foreach (var (from, to) in ItemBands(last))
        {
            var (lo, hi) = (Math.Max(from, first), Math.Min(to, last));
            if (hi >= lo)
            {
                tiers.Add(new FeeTier(lo, hi, hi - lo + 1, RatePerItem(from), "件"));
            }
        }

        return new FeeQuote(FeeMethod.PerRequest, tiers.Sum(t => t.Amount), tiers, PerRequestBasis);
    }

    /// <summary>按量: the fee of a request providing <paramref name="pages"/> pages.</summary>
    public static FeeQuote PerPage(int pages)
    {
        if (pages < 1)
        {
            throw new ValidationFailure("页数至少为1页。", "Pages");
        }

        if (pages > 1_000_000)
        {
            throw new ValidationFailure("页数超出合理范围，请核对。", "Pages");
        }

        (int From, int To)[] bands = [(1, FreePages), (FreePages + 1, 100), (101, 200), (201, int.MaxValue)];
        var tiers = bands
            .Select(b => new FeeTier(b.From, Math.Min(b.To, pages), Math.Max(0, Math.Min(b.To, pages) - b.From + 1), RatePerPage(b.From), "页"))
            .Where(t => t.Units > 0)
            .ToList();
        return new FeeQuote(FeeMethod.PerPage, tiers.Sum(t => t.Amount), tiers, PerPageBasis);
    }

    private static IEnumerable<(int From, int To)> ItemBands(int last)
    {
        yield return (1, FreeItemsPerMonth);
        yield return (FreeItemsPerMonth + 1, FirstBandLastItem);
        for (var from = FirstBandLastItem + 1; from <= last; from += BandSize)
        {
            yield return (from, from + BandSize - 1);
        }
    }

    public static string Label(this FeeMethod method) => method switch
    {
        FeeMethod.PerRequest => "按件计收",
        FeeMethod.PerPage => "按量计收",
        _ => method.ToString(),
    };
}
