namespace Gongkai.Platform.Data;

/// <summary>
/// A record staff edit. Its <see cref="RowVersion"/> is a concurrency token (<see cref="RowVersions"/>): every save that
/// changes the record, or adds, changes or removes one of its parts (a request's clock events, a plan's tasks), counts it
/// up in the same UPDATE that checks the version the editor read, so of two simultaneous edits exactly one applies and the
/// other fails with <see cref="EditConflict"/> (409, "已被他人修改，请刷新后重试"), changing nothing.
/// </summary>
public interface IVersioned
{
    long RowVersion { get; set; }
}
