using System.Text.Json;
using Gongkai.Platform.Documents;

namespace Gongkai.Requests.Letters;

/// <summary>A sent letter's filled-in text as stored beside it: the printed document as JSON, read back to render its PDF.</summary>
public static class SentLetterContent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(PrintedDocument document) => JsonSerializer.Serialize(document, Json);

    public static PrintedDocument Read(string content) =>
        JsonSerializer.Deserialize<PrintedDocument>(content, Json) ?? throw new InvalidOperationException("empty sent letter content");
}
