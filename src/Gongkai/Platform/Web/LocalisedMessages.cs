using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Web;

/// <summary>
/// Refusals in the reader's language. Use cases refuse in Chinese (<see cref="ValidationFailure"/>); an English page
/// shows the same refusal through the English resource of that message. <see cref="InputText"/>'s two built messages
/// (请填写{label}。 and {label}不能超过{max}个字。) are translated as patterns with their label, so every rule the
/// Chinese form has reads in English without a second copy of the rules.
/// </summary>
public static partial class LocalisedMessages
{
    [GeneratedRegex(@"^请填写(?<label>.+)。$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^(?<label>.+)不能超过(?<max>\d+)个字。$")]
    private static partial Regex TooLong();

    /// <summary>The message in the current UI language; in Chinese, or where no translation exists, as it is.</summary>
    public static string Translate(IStringLocalizer localizer, string message)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh")
        {
            return message;
        }

        var whole = localizer[message];
        if (!whole.ResourceNotFound)
        {
            return whole.Value;
        }

        if (Required().Match(message) is { Success: true } required)
        {
            return string.Format(CultureInfo.CurrentCulture, localizer["请填写{0}。"], Label(localizer, required.Groups["label"].Value));
        }

        if (TooLong().Match(message) is { Success: true } tooLong)
        {
            return string.Format(CultureInfo.CurrentCulture, localizer["{0}不能超过{1}个字。"], Label(localizer, tooLong.Groups["label"].Value), tooLong.Groups["max"].Value);
        }

        return message;
    }

    /// <summary>Every error already in the form's state, in the current UI language (after a use case refused).</summary>
    public static void Translate(ModelStateDictionary state, IStringLocalizer localizer)
    {
        foreach (var (key, entry) in state.ToList())
        {
            if (entry is null || entry.Errors.Count == 0)
            {
                continue;
            }

            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            entry.Errors.Clear();
            foreach (var m in messages)
            {
                state.AddModelError(key, Translate(localizer, m));
            }
        }
    }

    private static string Label(IStringLocalizer localizer, string label)
    {
        var translated = localizer[label];
        return translated.ResourceNotFound ? label : translated.Value;
    }
}
