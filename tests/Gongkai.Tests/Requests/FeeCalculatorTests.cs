using Gongkai.Platform;
using Gongkai.Requests.Fees;

namespace Gongkai.Tests.Requests;

/// <summary>信息处理费 per 国办函〔2020〕109号 at every tier boundary, both methods.</summary>
public sealed class FeeCalculatorTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    [InlineData(60, 400)]
    [InlineData(61, 500)]
    [InlineData(101, 900)]
    public void The_nth_item_of_a_month_costs_its_band_rate(int n, int rate) =>
        Assert.Equal(rate, FeeCalculator.RatePerItem(n));

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(9, 1, 0)]
    [InlineData(10, 1, 100)]
    [InlineData(0, 10, 0)]
    [InlineData(0, 11, 100)]
    [InlineData(29, 1, 100)]
    [InlineData(30, 1, 200)]
    [InlineData(0, 30, 2000)]
    [InlineData(0, 31, 2200)]
    [InlineData(0, 40, 4000)]
    [InlineData(0, 41, 4300)]
    [InlineData(0, 50, 7000)]
    [InlineData(5, 10, 500)]
    [InlineData(25, 10, 1500)]
    [InlineData(39, 2, 500)]
    public void Per_request_is_progressive_over_the_natural_month(int earlier, int items, int amount) =>
        Assert.Equal(amount, FeeCalculator.PerRequest(earlier, items).Amount);

    [Fact]
    public void Per_request_lists_each_tier_it_touches()
    {
        var quote = FeeCalculator.PerRequest(8, 25);
        Assert.Equal(FeeMethod.PerRequest, quote.Method);
        Assert.Equal(["第9—10件：2件，不收费", "第11—30件：20件×100元=2000元", "第31—33件：3件×200元=600元"], quote.Lines());
        Assert.Equal(2600, quote.Amount);
        Assert.Contains("国办函〔2020〕109号", quote.Basis);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(32, 20)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)]
    [InlineData(1000, 34700)]
    public void Per_page_is_progressive_over_the_page_tiers(int pages, int amount) =>
        Assert.Equal(amount, FeeCalculator.PerPage(pages).Amount);

    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 10)]
    [InlineData(101, 20)]
    [InlineData(200, 20)]
    [InlineData(201, 40)]
    public void Each_page_costs_its_tier_rate(int page, int rate) =>
        Assert.Equal(rate, FeeCalculator.RatePerPage(page));

    [Fact]
    public void Per_page_lists_the_tiers_including_the_free_one()
    {
        var quote = FeeCalculator.PerPage(205);
        Assert.Equal(["第1—30页：30页，不收费", "第31—100页：70页×10元=700元", "第101—200页：100页×20元=2000元", "第201—205页：5页×40元=200元"], quote.Lines());
        Assert.Equal(2900, quote.Amount);
    }

    [Fact]
    public void A_single_unit_tier_names_one_position()
    {
        Assert.Equal(["第11件：1件×100元=100元"], FeeCalculator.PerRequest(10, 1).Lines());
        Assert.Equal(["第1—30页：30页，不收费", "第31页：1页×10元=10元"], FeeCalculator.PerPage(31).Lines());
    }

    [Theory]
    [InlineData(-1, 1, "EarlierItems")]
    [InlineData(0, 0, "Items")]
    [InlineData(0, 20000, "Items")]
    public void Impossible_counts_are_refused(int earlier, int items, string field) =>
        Assert.Equal(field, Assert.Throws<ValidationFailure>(() => FeeCalculator.PerRequest(earlier, items)).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Zero_or_negative_pages_are_refused(int pages) =>
        Assert.Contains("至少为1页", Assert.Throws<ValidationFailure>(() => FeeCalculator.PerPage(pages)).Message);
}
