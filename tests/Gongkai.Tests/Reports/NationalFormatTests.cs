using Gongkai.Reports.Annual;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The labels of tables 二, 三, 四 compared one by one with the text of 国办公开办函〔2021〕30号 as recorded in
/// china-rules.md §4.2, and the layout's spans (三、本年度办理结果 over 22 rows, no subtotal row or column).
/// </summary>
public sealed class NationalFormatTests
{
    [Fact]
    public void Section_titles_are_the_six_of_the_format()
    {
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            NationalFormat2021.Sections);
    }

    [Fact]
    public void Table_2_labels_are_verbatim()
    {
        var g = ReportFormat.National2021.Table2;
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], g.Select(x => x.Heading));
        Assert.All(g, x => Assert.Equal("信息内容", x.Corner));
        Assert.Equal(["本年制发件数", "本年废止件数", "现行有效件数"], g[0].Columns.Select(c => c.Label));
        Assert.Equal(["规章", "行政规范性文件"], g[0].Rows.Select(r => r.Label));
        Assert.Equal(["本年处理决定数量"], g[1].Columns.Select(c => c.Label));
        Assert.Equal(["行政许可"], g[1].Rows.Select(r => r.Label));
        Assert.Equal(["本年处理决定数量"], g[2].Columns.Select(c => c.Label));
        Assert.Equal(["行政处罚", "行政强制"], g[2].Rows.Select(r => r.Label));
        Assert.Equal(["本年收费金额（单位：万元）"], g[3].Columns.Select(c => c.Label));
        Assert.Equal(["行政事业性收费"], g[3].Rows.Select(r => r.Label));
    }

    [Fact]
    public void Table_3_labels_are_verbatim_without_subtotals()
    {
        var t = NationalFormat2021.Table3;
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", t.Corner);
        Assert.Equal([
            ["申请人情况", "自然人"],
            ["申请人情况", "法人或其他组织", "商业企业"],
            ["申请人情况", "法人或其他组织", "科研机构"],
            ["申请人情况", "法人或其他组织", "社会公益组织"],
            ["申请人情况", "法人或其他组织", "法律服务机构"],
            ["申请人情况", "法人或其他组织", "其他"],
            ["申请人情况", "总计"],
        ], t.Columns.Select(c => c.Path.ToArray()));
        string[][] rows =
        [
            ["一、本年新收政府信息公开申请数量"],
            ["二、上年结转政府信息公开申请数量"],
            ["三、本年度办理结果", "（一）予以公开"],
            ["三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
            ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"],
            ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"],
            ["三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"],
            ["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"],
            ["三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息"],
            ["三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"],
            ["三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"],
            ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"],
            ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"],
            ["三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"],
            ["三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确"],
            ["三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请"],
            ["三、本年度办理结果", "（五）不予处理", "2.重复申请"],
            ["三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"],
            ["三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请"],
            ["三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"],
            ["三、本年度办理结果", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
            ["三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
            ["三、本年度办理结果", "（六）其他处理", "3.其他"],
            ["三、本年度办理结果", "（七）总计"],
            ["四、结转下年度继续办理"],
        ];
        Assert.Equal(rows, t.Rows.Select(r => r.Path.ToArray()));
    }

    [Fact]
    public void Table_3_layout_spans_the_format()
    {
        var labels = ReportLayout.RowLabels(NationalFormat2021.Table3);
        var results = labels.SelectMany(l => l).Single(c => c.Text == "三、本年度办理结果");
        Assert.Equal(22, results.RowSpan); // 2 + 8 + 3 + 5 + 3 outcome rows and （七）总计
        Assert.Equal(8, labels.SelectMany(l => l).Single(c => c.Text == "（三）不予公开").RowSpan);
        Assert.Equal(3, labels.SelectMany(l => l).Single(c => c.Text == "（四）无法提供").RowSpan);
        Assert.Equal(5, labels.SelectMany(l => l).Single(c => c.Text == "（五）不予处理").RowSpan);
        Assert.Equal(3, labels.SelectMany(l => l).Single(c => c.Text == "（六）其他处理").RowSpan);
        Assert.Equal(3, labels[0].Single().ColSpan); // 一、本年新收… spans the three label columns
        var headers = ReportLayout.HeaderRows(NationalFormat2021.Table3);
        Assert.Equal([new ReportLayout.HeaderCell("申请人情况", 7, 1)], headers[0]);
        Assert.Equal([new ReportLayout.HeaderCell("自然人", 1, 2), new("法人或其他组织", 5, 1), new("总计", 1, 2)], headers[1]);
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], headers[2].Select(h => h.Text));
    }

    [Fact]
    public void Table_4_labels_are_verbatim()
    {
        var headers = ReportLayout.HeaderRows(NationalFormat2021.Table4);
        Assert.Equal([new ReportLayout.HeaderCell("行政复议", 5, 1), new("行政诉讼", 10, 1)], headers[0]);
        Assert.Equal(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"], headers[1].Select(h => h.Text));
        Assert.Equal(Enumerable.Repeat(new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }, 2).SelectMany(x => x), headers[2].Select(h => h.Text));
        Assert.Equal(15, NationalFormat2021.Table4.Columns.Count);
    }
}
