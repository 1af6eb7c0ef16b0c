using System.Globalization;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Bench;

/// <summary>
/// Writes the report bench's records straight into the tables, bypassing EF's change tracker (400,000 rows through EF
/// took 1,021 s): PostgreSQL by binary COPY, SQLite by one prepared INSERT in one transaction. The values are written
/// in the formats EF writes them (SQLite: Guid as upper-case text, dates as yyyy-MM-dd, instants as binary ticks, enums as their names), so the
/// app and the report read them exactly as they read real records; <see cref="ReportBench"/> reads a sample back
/// through EF to prove it.
/// </summary>
internal sealed class ReportBenchData(string provider, string connectionString)
{
    public sealed record Column(string Name, NpgsqlDbType Type);

    /// <summary>One table to fill: its columns and a source of rows (values in column order).</summary>
    public async Task<long> WriteAsync(string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows)
    {
        return provider == DatabaseSetup.Postgres
            ? await CopyAsync(table, columns, rows)
            : await InsertAsync(table, columns, rows);
    }

    private async Task<long> CopyAsync(string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();

        // The table's secondary indexes (not those of constraints) are dropped for the load and built again after it.
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @t AND indexname NOT IN (SELECT conname FROM pg_constraint)", conn))
        {
            query.Parameters.AddWithValue("t", table);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await new NpgsqlCommand($"DROP INDEX \"{name}\"", conn).ExecuteNonQueryAsync();
        }

        var n = await CopyRowsAsync(conn, table, columns, rows);
        await new NpgsqlCommand("SET maintenance_work_mem = '256MB'", conn).ExecuteNonQueryAsync();
        foreach (var (_, sql) in indexes)
        {
            await using var create = new NpgsqlCommand(sql, conn) { CommandTimeout = 1800 };
            await create.ExecuteNonQueryAsync();
        }

        return n;
    }

    private static async Task<long> CopyRowsAsync(NpgsqlConnection conn, string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows)
    {
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await conn.BeginBinaryImportAsync($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)");
        long n = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                var v = row[i] switch
                {
                    DateTimeOffset t => t.ToUniversalTime(),
                    var other => other,
                };
                if (v is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(v, columns[i].Type);
                }
            }

            n++;
        }

        await writer.CompleteAsync();
        return n;
    }

    private async Task<long> InsertAsync(string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        async Task ExecAsync(string sql)
        {
            await using var c = conn.CreateCommand();
            c.CommandText = sql;
            await c.ExecuteNonQueryAsync();
        }

        // A large page cache, and the table's indexes dropped during the load and built again after it (one sort
        // each instead of a million random inserts into six B-trees that do not fit SQLite's default 2 MB cache).
        await ExecAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = conn.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
            list.Parameters.AddWithValue("$t", table);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecAsync($"DROP INDEX \"{name}\"");
        }

        var n = await InsertRowsAsync(conn, table, columns, rows);
        foreach (var (_, sql) in indexes)
        {
            await ExecAsync(sql);
        }

        return n;
    }

    private static async Task<long> InsertRowsAsync(SqliteConnection conn, string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows)
    {
        await using var tx = conn.BeginTransaction();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        cmd.Prepare();
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = SqliteValue(row[i]);
            }

            await cmd.ExecuteNonQueryAsync();
            n++;
        }

        await tx.CommitAsync();
        return n;
    }

    /// <summary>SqliteGongkaiDb stores instants as binary ticks (its conventions), so this writer does too.</summary>
    private static readonly DateTimeOffsetToBinaryConverter Instants = new();

    /// <summary>The value as EF Core's SQLite provider stores it.</summary>
    private static object SqliteValue(object? v) => v switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => Instants.ConvertToProvider(t)!,
        bool b => b ? 1 : 0,
        decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
        _ => v,
    };

    // ------------------------------------------------------------------------------------------------------------
    // The composition of the generated district.

    public static readonly DateOnly First = new(2016, 1, 4);
    public static readonly DateOnly Last = new(2025, 12, 31);

    private static readonly RequestOutcome[] Outcomes = Enum.GetValues<RequestOutcome>();
    private static readonly RequestChannel[] Channels = Enum.GetValues<RequestChannel>();
    private static readonly InformationType[] InformationTypes = Enum.GetValues<InformationType>();

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    public static IReadOnlyList<Column> RequestColumns { get; } =
    [
        new("Id", NpgsqlDbType.Uuid), new("TrackingNumber", NpgsqlDbType.Text), new("SecretHash", NpgsqlDbType.Text),
        new("OrganId", NpgsqlDbType.Uuid), new("Channel", NpgsqlDbType.Text), new("ApplicantType", NpgsqlDbType.Text),
        new("ApplicantName", NpgsqlDbType.Text), new("IdDocumentType", NpgsqlDbType.Text), new("IdNumberProtected", NpgsqlDbType.Text),
        new("PhoneProtected", NpgsqlDbType.Text), new("InformationWanted", NpgsqlDbType.Text), new("Form", NpgsqlDbType.Text),
        new("Delivery", NpgsqlDbType.Text), new("SubmittedOn", NpgsqlDbType.Date), new("ReceivedOn", NpgsqlDbType.Date),
        new("RegisteredOn", NpgsqlDbType.Date), new("Stage", NpgsqlDbType.Text), new("DueOn", NpgsqlDbType.Date),
        new("DuePending", NpgsqlDbType.Boolean), new("Timeliness", NpgsqlDbType.Text), new("CheckedOn", NpgsqlDbType.Date),
        new("Outcome", NpgsqlDbType.Text), new("ClosedOn", NpgsqlDbType.Date), new("CreatedAt", NpgsqlDbType.TimestampTz),
        new("UpdatedAt", NpgsqlDbType.TimestampTz),
    ];

    /// <summary>A generated request: what the appeals and fees refer to.</summary>
    public sealed record RequestRow(Guid Id, Guid OrganId, DateOnly ReceivedOn, DateOnly? ClosedOn);

    /// <summary>
    /// Requests received 2016–2025 over the organs: 80 % natural persons, every channel and outcome; each is closed
    /// 3–60 days after receipt (so December's requests carry over into January) unless the close would fall after
    /// 31 December 2025, and 0.3 % stay open for a year or more (carried over several years).
    /// </summary>
    public static IEnumerable<object?[]> Requests(int count, IReadOnlyList<Guid> organs, int seed, List<RequestRow> sink)
    {
        var random = new Random(seed);
        var types = ApplicantTypes.All;
        for (var i = 0; i < count; i++)
        {
            var received = DateOnly.FromDayNumber(random.Next(First.DayNumber, Last.DayNumber + 1));
            var organ = organs[random.Next(organs.Count)];
            DateOnly? closed = random.Next(1000) < 3 ? null : received.AddDays(random.Next(3, 61));
            if (closed > Last)
            {
                closed = null;
            }

            if (closed is null && random.Next(1000) < 3 && received.Year < 2025)
            {
                // A long-running request closed years later: carried in and out of several years.
                closed = received.AddDays(random.Next(400, 1200));
                closed = closed > Last ? null : closed;
            }

            var type = random.Next(10) < 8 ? ApplicantType.NaturalPerson : types[random.Next(types.Count)];
            var id = Guid.CreateVersion7(At(received));
            var late = random.Next(100) < 5;
            sink.Add(new RequestRow(id, organ, received, closed));
            yield return
            [
                id, $"{received.Year}-B{i:D9}", "0", organ, Channels[random.Next(Channels.Length)].ToString(), type.ToString(),
                "申请人", (type == ApplicantType.NaturalPerson ? IdDocumentType.ResidentIdCard : IdDocumentType.UnifiedSocialCreditCode).ToString(),
                "x", "x", "基准测试", InformationForm.Electronic.ToString(), DeliveryMethod.Online.ToString(), received, received, received,
                (closed is null ? RequestStage.InHandling : RequestStage.Closed).ToString(), received.AddDays(28), false,
                (late ? Timeliness.Overdue : Timeliness.OnTime).ToString(), closed ?? Last,
                closed is null ? null : Outcomes[random.Next(Outcomes.Length)].ToString(), closed, At(received), At(closed ?? received),
            ];
        }
    }

    public static IReadOnlyList<Column> AppealColumns { get; } =
    [
        new("Id", NpgsqlDbType.Uuid), new("RequestId", NpgsqlDbType.Uuid), new("OrganId", NpgsqlDbType.Uuid), new("Kind", NpgsqlDbType.Text),
        new("Body", NpgsqlDbType.Text), new("FiledOn", NpgsqlDbType.Date), new("Result", NpgsqlDbType.Text), new("DecidedOn", NpgsqlDbType.Date),
        new("CreatedAt", NpgsqlDbType.TimestampTz), new("UpdatedAt", NpgsqlDbType.TimestampTz), new("CreatedByName", NpgsqlDbType.Text),
    ];

    /// <summary>1 % of closed requests appealed 10–60 days after closing; decided 30–300 days later or still pending.</summary>
    public static IEnumerable<object?[]> Appeals(IReadOnlyList<RequestRow> requests, int seed)
    {
        var random = new Random(seed + 1);
        var kinds = Enum.GetValues<AppealKind>();
        var results = new[] { AppealResult.Upheld, AppealResult.Corrected, AppealResult.Other };
        foreach (var r in requests)
        {
            if (r.ClosedOn is not { } closed || random.Next(100) != 0)
            {
                continue;
            }

            var filed = closed.AddDays(random.Next(10, 61));
            if (filed > Last)
            {
                continue;
            }

            DateOnly? decided = filed.AddDays(random.Next(30, 301));
            decided = decided > Last ? null : decided;
            var result = decided is null ? AppealResult.Pending : results[random.Next(results.Length)];
            yield return
            [
                Guid.CreateVersion7(At(filed)), r.Id, r.OrganId, kinds[random.Next(kinds.Length)].ToString(), "复议机关", filed,
                result.ToString(), decided, At(filed), At(decided ?? filed), "基准测试",
            ];
        }
    }

    public static IReadOnlyList<Column> FeeColumns { get; } =
    [
        new("Id", NpgsqlDbType.Uuid), new("RequestId", NpgsqlDbType.Uuid), new("Method", NpgsqlDbType.Text), new("Amount", NpgsqlDbType.Integer),
        new("Breakdown", NpgsqlDbType.Text), new("PaymentInstructions", NpgsqlDbType.Text), new("NoticeOn", NpgsqlDbType.Date),
        new("PayBy", NpgsqlDbType.Date), new("PaidOn", NpgsqlDbType.Date), new("CreatedAt", NpgsqlDbType.TimestampTz), new("CreatedByName", NpgsqlDbType.Text),
    ];

    /// <summary>0.5 % of closed requests charged 信息处理费 (100–500 yuan), paid on the day they closed.</summary>
    public static IEnumerable<object?[]> Fees(IReadOnlyList<RequestRow> requests, int seed)
    {
        var random = new Random(seed + 2);
        foreach (var r in requests)
        {
            if (r.ClosedOn is not { } closed || random.Next(200) != 0)
            {
                continue;
            }

            var notice = DateOnly.FromDayNumber(Math.Max(r.ReceivedOn.DayNumber, closed.DayNumber - 5));
            yield return
            [
                Guid.CreateVersion7(At(notice)), r.Id, "PerRequest", random.Next(1, 6) * 100, "按件计收", "银行转账", notice, notice.AddDays(20), closed,
                At(notice), "基准测试",
            ];
        }
    }

    public static IReadOnlyList<Column> DocumentColumns { get; } =
    [
        new("Id", NpgsqlDbType.Uuid), new("OrganId", NpgsqlDbType.Uuid), new("Title", NpgsqlDbType.Text), new("SubjectCategory", NpgsqlDbType.Text),
        new("Issuer", NpgsqlDbType.Text), new("InformationType", NpgsqlDbType.Text), new("WrittenOn", NpgsqlDbType.Date), new("FormedOn", NpgsqlDbType.Date),
        new("Status", NpgsqlDbType.Text), new("Attribute", NpgsqlDbType.Text), new("Validity", NpgsqlDbType.Text), new("ValidityChangedOn", NpgsqlDbType.Date),
        new("PublishedAt", NpgsqlDbType.TimestampTz), new("BodyHtml", NpgsqlDbType.Text), new("BodyText", NpgsqlDbType.Text), new("Version", NpgsqlDbType.Integer),
        new("PublishedLate", NpgsqlDbType.Boolean), new("CreatedAt", NpgsqlDbType.TimestampTz), new("UpdatedAt", NpgsqlDbType.TimestampTz),
    ];

    /// <summary>
    /// Documents written 2016–2025: 10 % 行政规范性文件 (a tenth of them repealed or expired 30–1,500 days later,
    /// on or before 31 December 2025), the rest of every other type; 95 % published within 20 days, the rest drafts
    /// or withdrawn (which the report must not count).
    /// </summary>
    public static IEnumerable<object?[]> Documents(int count, IReadOnlyList<Guid> organs, int seed)
    {
        var random = new Random(seed + 3);
        for (var i = 0; i < count; i++)
        {
            var written = DateOnly.FromDayNumber(random.Next(First.DayNumber, Last.DayNumber + 1));
            var normative = random.Next(10) == 0;
            var type = normative ? InformationType.NormativeDocument : InformationTypes[random.Next(1, InformationTypes.Length)];
            var status = random.Next(100) switch { < 95 => DocumentStatus.Published, < 98 => DocumentStatus.Draft, _ => DocumentStatus.Withdrawn };
            var validity = Validity.Valid;
            DateOnly? changed = null;
            if (normative && random.Next(10) == 0)
            {
                changed = written.AddDays(random.Next(30, 1501));
                if (changed <= Last)
                {
                    validity = random.Next(2) == 0 ? Validity.Repealed : Validity.Expired;
                }
                else
                {
                    changed = null;
                }
            }

            var published = written.AddDays(random.Next(0, 21));
            yield return
            [
                Guid.CreateVersion7(At(written)), organs[random.Next(organs.Count)], "基准测试信息" + i, "综合政务\\其他", "测试局", type.ToString(),
                written, written, status.ToString(), DisclosureAttribute.Proactive.ToString(), validity.ToString(), changed,
                status == DocumentStatus.Draft ? null : At(published), "<p>基准测试</p>", "基准测试", 1, false, At(written), At(published),
            ];
        }
    }

    public static IReadOnlyList<Column> AnnualReportColumns { get; } =
    [
        new("Id", NpgsqlDbType.Uuid), new("OrganId", NpgsqlDbType.Uuid), new("Year", NpgsqlDbType.Integer), new("FormatId", NpgsqlDbType.Text),
        new("Status", NpgsqlDbType.Text), new("RulesIssued", NpgsqlDbType.Integer), new("RulesRepealed", NpgsqlDbType.Integer), new("RulesValid", NpgsqlDbType.Integer),
        new("Licensing", NpgsqlDbType.Integer), new("Penalties", NpgsqlDbType.Integer), new("Coercions", NpgsqlDbType.Integer), new("FeeAmount", NpgsqlDbType.Numeric),
        new("EnteredByName", NpgsqlDbType.Text), new("CreatedAt", NpgsqlDbType.TimestampTz), new("UpdatedAt", NpgsqlDbType.TimestampTz),
    ];

    /// <summary>The figures organs enter (规章, 行政许可/处罚/强制 decisions, 行政事业性收费) for every organ and year.</summary>
    public static IEnumerable<object?[]> EnteredFigures(IReadOnlyList<Guid> organs, int seed)
    {
        var random = new Random(seed + 4);
        foreach (var organ in organs)
        {
            var valid = random.Next(0, 5);
            for (var year = First.Year; year <= Last.Year; year++)
            {
                var issued = random.Next(0, 3);
                var repealed = Math.Min(valid, random.Next(0, 2));
                valid += issued - repealed;
                var at = At(new DateOnly(year + 1, 1, 15));
                yield return
                [
                    Guid.CreateVersion7(at), organ, year, year >= 2021 ? "2021" : year >= 2019 ? "2019" : "pre2019", "Draft", issued, repealed, valid,
                    random.Next(0, 5000), random.Next(0, 800), random.Next(0, 50), Math.Round((decimal)random.NextDouble() * 100, 4), "基准测试", at, at,
                ];
            }
        }
    }
}
