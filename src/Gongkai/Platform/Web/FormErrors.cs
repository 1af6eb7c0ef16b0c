using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Gongkai.Platform.Web;

/// <summary>
/// One mechanism for every form (docs/ARCHITECTURE.md §Use cases, step 3): a refused form shows all its errors at once in
/// the summary at the top (<c>_ErrorSummary</c>, reached through <c>_Messages</c>), which takes focus and links each entry
/// to its field; the field itself says it is invalid (<c>aria-invalid</c>) and points at its message
/// (<c>aria-describedby</c>); the page title starts with "错误：". Everything is read from ModelState, so a page only
/// names its fields by their form names.
/// </summary>
public static class FormErrors
{
    /// <summary>The element id the form uses for a field called <paramref name="name"/> ("Input.OrganId" → "Input_OrganId").</summary>
    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>The id of the message shown beside the field.</summary>
    public static string MessageId(string name) => FieldId(name) + "-error";

    /// <summary>Every error in the order it was found: field name (empty for the form as a whole) and message.</summary>
    public static IReadOnlyList<(string Field, string Message)> Entries(ModelStateDictionary state)
    {
        var entries = new List<(string, string)>();
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var message = string.IsNullOrEmpty(error.ErrorMessage) ? "输入有误，请检查。" : error.ErrorMessage;
                if (!entries.Contains((key, message)))
                {
                    entries.Add((key, message));
                }
            }
        }

        return entries;
    }

    public static string? Message(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The page title's prefix: "错误：" when the form was refused, nothing otherwise.</summary>
    public static bool Refused(ModelStateDictionary state) => state.ErrorCount > 0;
}

/// <summary>
/// A field (input, select, textarea) whose name has an error gets <c>aria-invalid="true"</c>, the error class and its
/// message's id in <c>aria-describedby</c>. Runs after the framework's <c>asp-for</c> helpers, so it sees their names.
/// </summary>
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.ErrorCount == 0)
        {
            return;
        }

        var name = output.Attributes["name"]?.Value?.ToString();
        var type = output.Attributes["type"]?.Value?.ToString();
        if (string.IsNullOrEmpty(name) || type is "hidden" or "submit" or "button" || FormErrors.Message(state, name) is null)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        var messageId = FormErrors.MessageId(name);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? messageId : messageId + " " + describedBy);
        var classes = output.Attributes["class"]?.Value?.ToString();
        if (classes is null || !classes.Contains("input-validation-error", StringComparison.Ordinal))
        {
            output.Attributes.SetAttribute("class", string.IsNullOrEmpty(classes) ? "input-validation-error" : classes + " input-validation-error");
        }
    }
}

/// <summary>
/// The message beside a field: <c>&lt;span gk-error-for="Input.Body"&gt;&lt;/span&gt;</c> renders the field's error with the
/// id its field points at, and nothing when the field is valid.
/// </summary>
[HtmlTargetElement("span", Attributes = "gk-error-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("gk-error-for")]
    public string For { get; set; } = "";

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (FormErrors.Message(ViewContext.ViewData.ModelState, For) is not { } message)
        {
            output.SuppressOutput();
            return;
        }

        output.Attributes.SetAttribute("id", FormErrors.MessageId(For));
        output.Attributes.SetAttribute("class", "field-error");
        output.Content.SetContent(message);
    }
}

/// <summary>The framework's <c>asp-validation-for</c> message gets the same id, so its field can point at it.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ValidationMessageIdTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = output.Attributes["data-valmsg-for"]?.Value?.ToString();
        if (!string.IsNullOrEmpty(name) && FormErrors.Message(ViewContext.ViewData.ModelState, name) is not null)
        {
            output.Attributes.SetAttribute("id", FormErrors.MessageId(name));
        }
    }
}

/// <summary>
/// The visible 必填 mark promised by a form's introduction: <c>&lt;label for="…" gk-required&gt;</c> appends it. It is hidden
/// from assistive technology, which hears "required" from the field's own <c>required</c> attribute instead, so the
/// label's accessible name stays the field's name.
/// </summary>
[HtmlTargetElement("label", Attributes = "gk-required")]
public sealed class RequiredMarkTagHelper(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("gk-required");
        output.PostContent.AppendHtml(" <span class=\"required-mark\" aria-hidden=\"true\">");
        output.PostContent.Append(L["必填"]);
        output.PostContent.AppendHtml("</span>");
    }
}
