using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Data;

/// <summary>Chooses SQLite (embedded default) or PostgreSQL from configuration.</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string ProviderName(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite;
        }

        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres;
        }

        throw new InvalidOperationException($"未知的数据库类型 Database:Provider={provider}（可选 Sqlite 或 Postgres）。");
    }

    public static IServiceCollection AddGongkaiDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderName(configuration);
        var connectionString = configuration.GetConnectionString("Gongkai");
        if (provider == Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("使用 PostgreSQL 时必须配置 ConnectionStrings:Gongkai。");
            }

            services.AddDbContext<GongkaiDb, PostgresGongkaiDb>((sp, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<Caching.ContentChangeTracking>()));
        }
        else
        {
            connectionString = SqliteConnectionString(configuration);
            EnsureSqliteFolder(connectionString);
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContext<GongkaiDb, SqliteGongkaiDb>((sp, o) => o.UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<Caching.ContentChangeTracking>()));
        }

        return services;
    }

    /// <summary>The SQLite connection string: ConnectionStrings:Gongkai, default data/gongkai.db under the working directory.</summary>
    public static string SqliteConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Gongkai") is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured) ? configured : "Data Source=data/gongkai.db";

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
