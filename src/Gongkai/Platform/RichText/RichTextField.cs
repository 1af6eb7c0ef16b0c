namespace Gongkai.Platform.RichText;

/// <summary>
/// One rich text field on a staff form, drawn by the shared partial <c>_RichTextEditor</c> (Platform/Pages/Shared):
/// a textarea that works without JavaScript, which wwwroot/js/rich-editor.js turns into the editor (toolbar, Word/WPS
/// paste cleaned by the server, upload, the published preview). <see cref="FormatName"/> names the form field that
/// carries the format ("html", "markdown", "text"); without one the field is "auto": markup is saved as rich text,
/// anything else as plain text (<see cref="RichTextHtml.FromAuto"/>).
/// </summary>
public sealed record RichTextField(string Name, string Label, string? Value)
{
    /// <summary>The element id: the name with dots as underscores, as the tag helpers write it.</summary>
    public string Id => Name.Replace('.', '_');

    public string? FormatName { get; init; }

    public string Format { get; init; } = RichTextHtml.Html;

    /// <summary>Whether Markdown is offered (documents accept it through the API and the form).</summary>
    public bool OffersMarkdown { get; init; }

    /// <summary>Where the editor uploads images and attachments; null when the record cannot take files (yet).</summary>
    public string? UploadUrl { get; init; }

    /// <summary>Said instead of the upload buttons when <see cref="UploadUrl"/> is null (e.g. 保存草稿后可上传图片和附件).</summary>
    public string? UploadNote { get; init; }

    public int Rows { get; init; } = 8;

    public bool Required { get; init; }

    /// <summary>A hint under the label.</summary>
    public string? Hint { get; init; }
}
