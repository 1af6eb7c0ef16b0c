using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Every operation of the app's own OpenAPI document, sent random and boundary values for each parameter and body
/// property (dates 0001-01-01 / 9999-12-31, huge and negative numbers, empty, very long, unicode, wrong types, null)
/// with a system administrator's bearer token. No answer may be a 500: bad input is the sender's mistake (4xx).
/// Seeded, so a failure repeats; each failing request is printed whole.
/// </summary>
public abstract class OpenApiFuzzTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const int Seed = 20261207;
    private const int RoundsPerOperation = 8;

    private static readonly string[] Dates = ["0001-01-01", "9999-12-31", "1949-09-30", "2101-01-01", "2026-02-30", "2026-13-01", "26-1-1", "2026/03/16", "2026-03-16", "2026-12-31"];
    private static readonly string[] Strings =
    [
        "", " ", "0", "-1", "null", "true", "9999-12-31", "0001-01-01", "'; DROP TABLE x; --", "<script>alert(1)</script>", "低保 申请 ％ _ \\",
        "😀𠀀\u200b\u202e", "\u0000\u0001", "../../etc/passwd", "%00", "{\"a\":1}", new string('长', 5000), new string('a', 70_000),
    ];

    private static readonly string[] Numbers = ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "99999999999999999999999", "1e308", "NaN", "1.5", "abc", ""];

    private static readonly string[] Guids = ["00000000-0000-0000-0000-000000000000", "not-a-guid", "", "ffffffff-ffff-ffff-ffff-ffffffffffff"];

    [Fact]
    public async Task No_operation_answers_500_to_random_or_boundary_input()
    {
        var client = app.Browser();
        var token = await app.TokenAsync(await app.AdminIdAsync());
        using var spec = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = spec.RootElement;
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            foreach (var operation in path.Value.EnumerateObject().OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                if (operation.Name is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                for (var round = 0; round < RoundsPerOperation; round++)
                {
                    var (request, shown) = Build(root, path.Name, operation.Name, operation.Value, random, token);
                    using var response = await client.SendAsync(request);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        failures.Add($"{(int)response.StatusCode} ← {shown}\n    answer: {Short(body, 300)}");
                    }
                }
            }
        }

        output.WriteLine($"seed {Seed}: {sent} requests, {failures.Count} answered 5xx");
        foreach (var f in failures)
        {
            output.WriteLine(f);
        }

        Assert.True(sent >= 100, $"only {sent} requests were sent: is the OpenAPI document complete?");
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Take(20)));
    }

    private static (HttpRequestMessage Request, string Shown) Build(JsonElement root, string template, string method, JsonElement operation, Random random, string token)
    {
        var url = new StringBuilder(template);
        var query = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var p in parameters.EnumerateArray())
            {
                var name = p.GetProperty("name").GetString()!;
                var schema = p.TryGetProperty("schema", out var s) ? Resolve(root, s) : default;
                var value = ScalarText(schema, random);
                switch (p.GetProperty("in").GetString())
                {
                    case "path":
                        // A NUL in the path never reaches the app (Kestrel answers 400; TestServer throws in the client).
                        url.Replace("{" + name + "}", Uri.EscapeDataString(value.Length == 0 || value.Contains('\0') ? "x" : value));
                        break;
                    case "query" when random.Next(5) > 0:
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        break;
                }
            }
        }

        var address = url + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var shown = $"{method.ToUpperInvariant()} {Short(address, 400)}";
        if (operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
        {
            if (content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema))
            {
                var text = random.Next(8) switch
                {
                    0 => "",
                    1 => "null",
                    2 => "{\"unterminated\": ",
                    3 => "[1,2,3]",
                    _ => (BodyValue(root, Resolve(root, schema), random, 0) ?? System.Text.Json.Nodes.JsonValue.Create("null")!).ToJsonString(),
                };
                request.Content = new StringContent(text, Encoding.UTF8, "application/json");
                shown += $"\n    body: {Short(text, 600)}";
            }
            else if (content.EnumerateObject().Any(c => c.Name.StartsWith("multipart/", StringComparison.Ordinal)))
            {
                var form = new MultipartFormDataContent
                {
                    { new StringContent(Strings[random.Next(Strings.Length)]), "title" },
                    { new ByteArrayContent(Encoding.UTF8.GetBytes(Strings[random.Next(Strings.Length)])), "file", random.Next(2) == 0 ? "a.xlsx" : "../../a.pdf" },
                };
                request.Content = form;
                shown += "\n    body: multipart (title, file)";
            }
        }

        return (request, shown);
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r); i++)
        {
            var name = r.GetString()!.Split('/').Last();
            schema = root.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static string Type(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (schema.TryGetProperty("type", out var t))
        {
            return t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") ?? "string"
                : t.GetString() ?? "string";
        }

        return schema.TryGetProperty("properties", out _) ? "object" : "string";
    }

    private static string Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() ?? "" : "";

    /// <summary>A value for a path or query parameter: usually one of its type's boundary values, sometimes anything.</summary>
    private static string ScalarText(JsonElement schema, Random random)
    {
        if (random.Next(6) == 0)
        {
            return Strings[random.Next(Strings.Length)];
        }

        return (Type(schema), Format(schema)) switch
        {
            (_, "date" or "date-time") => Dates[random.Next(Dates.Length)],
            (_, "uuid") => Guids[random.Next(Guids.Length)],
            ("integer" or "number", _) => Numbers[random.Next(Numbers.Length)],
            ("boolean", _) => random.Next(3) switch { 0 => "true", 1 => "false", _ => "yes" },
            _ when schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var e) && random.Next(2) == 0 =>
                e.EnumerateArray().Select(x => x.ToString()).ElementAt(random.Next(e.GetArrayLength())),
            _ => random.Next(2) == 0 ? Dates[random.Next(Dates.Length)] : Strings[random.Next(Strings.Length)],
        };
    }

    /// <summary>A JSON value for a body property: its own type with boundary values, or a wrong type, or null.</summary>
    private static JsonNode? BodyValue(JsonElement root, JsonElement schema, Random random, int depth)
    {
        var roll = random.Next(10);
        if (roll == 0)
        {
            return null;
        }

        if (roll == 1)
        {
            return random.Next(4) switch
            {
                0 => System.Text.Json.Nodes.JsonValue.Create(Strings[random.Next(Strings.Length)]),
                1 => System.Text.Json.Nodes.JsonValue.Create(-1),
                2 => new JsonArray(),
                _ => new JsonObject(),
            };
        }

        switch (Type(schema))
        {
            case "object" when depth < 4:
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var props))
                {
                    foreach (var prop in props.EnumerateObject())
                    {
                        if (random.Next(8) > 0)
                        {
                            obj[prop.Name] = BodyValue(root, Resolve(root, prop.Value), random, depth + 1);
                        }
                    }
                }

                return obj;
            case "array" when depth < 4:
                var items = schema.TryGetProperty("items", out var i) ? Resolve(root, i) : default;
                var array = new JsonArray();
                for (var n = random.Next(4); n > 0; n--)
                {
                    array.Add(BodyValue(root, items, random, depth + 1));
                }

                return array;
            case "integer" or "number":
                return random.Next(5) switch
                {
                    0 => System.Text.Json.Nodes.JsonValue.Create(long.MaxValue),
                    1 => System.Text.Json.Nodes.JsonValue.Create(-1),
                    2 => System.Text.Json.Nodes.JsonValue.Create(0),
                    3 => System.Text.Json.Nodes.JsonValue.Create(1e300),
                    _ => System.Text.Json.Nodes.JsonValue.Create(random.Next(-5, 3000)),
                };
            case "boolean":
                return System.Text.Json.Nodes.JsonValue.Create(random.Next(2) == 0);
            default:
                var text = ScalarText(schema, random);
                return System.Text.Json.Nodes.JsonValue.Create(text);
        }
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..max] + $"…({text.Length} chars)";
}

public sealed class OpenApiFuzzTests_Sqlite(SqliteApp app, ITestOutputHelper output) : OpenApiFuzzTests<SqliteApp>(app, output);

public sealed class OpenApiFuzzTests_Postgres(PostgresApp app, ITestOutputHelper output) : OpenApiFuzzTests<PostgresApp>(app, output);
