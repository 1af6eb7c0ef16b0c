namespace Gongkai.Platform.Files;

/// <summary>
/// The one check of a staff upload (document attachments, interpretation assets, released files of a request): a name of
/// at most 200 characters, not empty, within the size limit, a kind recognised by its content (<see cref="FileTypes"/>)
/// that matches its extension. Refusals name the file and go to the form's field.
/// </summary>
public static class UploadCheck
{
    /// <param name="noun">What the form calls the file (文件, 附件): the messages begin with it.</param>
    public static (string Name, FileTypes.Kind Kind) Accept(string? fileName, byte[] content, long maxBytes, string field, string noun = "文件")
    {
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length is 0 or > 200)
        {
            throw new ValidationFailure($"{(noun == "文件" ? "" : noun)}文件名不能为空，且不超过200个字符。", field);
        }

        if (content.Length == 0)
        {
            throw new ValidationFailure($"{noun}“{name}”是空文件。", field);
        }

        if (content.LongLength > maxBytes)
        {
            throw new ValidationFailure($"{noun}“{name}”大小为{content.LongLength / 1024.0 / 1024.0:0.0}MB，超过上限{maxBytes / 1024 / 1024}MB。", field);
        }

        var kind = FileTypes.Detect(content, name)
            ?? throw new ValidationFailure($"{noun}“{name}”的类型不受支持。可上传 PDF、Word、Excel、图片（PNG/JPEG/GIF）和文本文件。", field);
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (!kind.Extensions.Contains(ext))
        {
            throw new ValidationFailure($"{noun}“{name}”的内容是{kind.Name}文件，与扩展名“{ext}”不符，已拒绝（疑似伪装文件）。", field);
        }

        return (name, kind);
    }
}
