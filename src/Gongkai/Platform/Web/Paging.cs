namespace Gongkai.Platform.Web;

/// <summary>
/// The one reading of a page number: pages count from 1, and the rows skipped never overflow (page 2,147,483,647 of 20
/// is past the end and shows nothing; it is not a negative offset and a 500).
/// </summary>
public static class Paging
{
    public static int Offset(int page, int pageSize) =>
        (int)Math.Min((Math.Max(1L, page) - 1) * pageSize, int.MaxValue);
}
