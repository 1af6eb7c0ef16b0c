using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Platform;

/// <summary>
/// The one reading of a date typed by a person or sent by a program: strictly yyyy-MM-dd and within
/// <see cref="Earliest"/> … <see cref="Latest"/>. Pages, the API (query strings and JSON bodies alike) and the CLI all go
/// through it, so 0001-01-01 or 9999-12-31 is refused with the same Chinese message naming the field instead of
/// overflowing a time-zone conversion (500) or being stored.
/// </summary>
/// <remarks>
/// 1949-10-01 is the earliest date any record of a 人民政府 can carry; 2100-12-31 is far beyond any period the
/// Regulation allows (a 补正 or payment period, a delay, a validity date) yet keeps every "next day" and every district
/// time conversion inside the .NET range. A clock date outside the loaded calendar years is refused later by the
/// calendar itself (<see cref="Calendar.CalendarRangeException"/>), with its own message.
/// </remarks>
public static class InputDates
{
    public static readonly DateOnly Earliest = new(1949, 10, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>Reads yyyy-MM-dd in the plausible range; otherwise false and the message to show (naming <paramref name="label"/>).</summary>
    public static bool TryParse(string? text, string label, out DateOnly date, out string? error)
    {
        if (!ChineseDates.TryParseIso(text, out date))
        {
            error = $"{label}“{Shown(text)}”格式不正确，应为“年-月-日”，如 2026-03-16。";
            return false;
        }

        error = OutOfRange(date, label);
        return error is null;
    }

    /// <summary>A required date: the value, or a <see cref="ValidationFailure"/> for <paramref name="field"/>.</summary>
    public static DateOnly Parse(string? text, string field, string? label = null) =>
        TryParse(text, label ?? $"日期 {field}", out var date, out var error) ? date : throw new ValidationFailure(error!, field);

    /// <summary>An optional date: empty is null, anything else must read as <see cref="Parse"/>.</summary>
    public static DateOnly? Optional(string? text, string field, string? label = null) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text, field, label);

    /// <summary>A date already read by a binder (a typed property): refused when outside the plausible range.</summary>
    public static DateOnly? Check(DateOnly? date, string field, string? label = null) =>
        date is { } d && OutOfRange(d, label ?? $"日期 {field}") is { } error ? throw new ValidationFailure(error, field) : date;

    public static bool IsPlausible(DateOnly date) => date >= Earliest && date <= Latest;

    private static string? OutOfRange(DateOnly date, string label) =>
        IsPlausible(date)
            ? null
            : $"{label}“{ChineseDates.Iso(date)}”超出可受理的范围，应在 {ChineseDates.Iso(Earliest)} 至 {ChineseDates.Iso(Latest)} 之间。";

    private static string Shown(string? text) => text is null ? "" : text.Trim().Length > 40 ? text.Trim()[..40] + "…" : text.Trim();

    /// <summary>Every DateOnly in a JSON body of the API: the same reading (the property is named by the JSON path in the message).</summary>
    public sealed class JsonConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null)
            {
                throw new ValidationFailure("日期应为“年-月-日”格式的字符串，如 \"2026-03-16\"。");
            }

            return TryParse(text, "日期", out var date, out var error) ? date : throw new ValidationFailure(error!);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => writer.WriteStringValue(ChineseDates.Iso(value));
    }

    /// <summary>Every DateOnly a page binds from a form or query string: the same reading, its message in ModelState.</summary>
    public sealed class ModelBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var value = context.ValueProvider.GetValue(context.ModelName).FirstValue;
            if (string.IsNullOrWhiteSpace(value))
            {
                return Task.CompletedTask;
            }

            var label = context.ModelMetadata.DisplayName ?? $"日期 {context.ModelName}";
            if (TryParse(value, label, out var date, out var error))
            {
                context.Result = ModelBindingResult.Success(date);
                return Task.CompletedTask;
            }

            context.ModelState.TryAddModelError(context.ModelName, error!);
            // A well-formed date out of range stays bound (never silently replaced by an empty value, which a handler
            // might read as "today"): a page that checks ModelState shows the message, and the use case refuses it.
            context.Result = ChineseDates.TryParseIso(value, out var outOfRange) ? ModelBindingResult.Success(outOfRange) : ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }

    public sealed class ModelBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new ModelBinder() : null;
    }
}
