using Gongkai.Reports.Statistics;
using Gongkai.Requests.Applicants;

namespace Gongkai.Reports.Annual;

/// <summary>The figures of one annual report: a value per cell id (<see cref="ReportGrid.CellId"/>); absent cells are empty.</summary>
public sealed class ReportFigures(IReadOnlyDictionary<string, decimal> cells)
{
    public IReadOnlyDictionary<string, decimal> Cells { get; } = cells;

    public decimal? this[string cellId] => Cells.TryGetValue(cellId, out var v) ? v : null;

    public decimal Value(ReportGrid grid, string row, string column) => Cells.GetValueOrDefault(grid.CellId(row, column));

    /// <summary>Table 三 cell for an applicant column (null: 总计).</summary>
    public decimal Table3(string row, ApplicantType? type) =>
        Value(NationalFormat2021.Table3, row, type is { } t ? NationalFormat2021.ColumnKey(t) : NationalFormat2021.TotalColumn);

    /// <summary>The request cell behind a table 三 cell, for its records list.</summary>
    public static RequestCell? Table3Records(string row, string column)
    {
        ApplicantType? type = column == NationalFormat2021.TotalColumn ? null : Enum.Parse<ApplicantType>(column);
        return row switch
        {
            "new" => new RequestCell(RequestSet.Received, ApplicantType: type),
            "carried" => new RequestCell(RequestSet.CarriedIn, ApplicantType: type),
            "closed" => new RequestCell(RequestSet.Closed, ApplicantType: type),
            "out" => new RequestCell(RequestSet.CarriedOut, ApplicantType: type),
            _ when OutcomeRows.All.FirstOrDefault(o => o.Key == row) is { } o => new RequestCell(RequestSet.Closed, ApplicantType: type, Outcome: o.Outcome),
            _ => null,
        };
    }
}
