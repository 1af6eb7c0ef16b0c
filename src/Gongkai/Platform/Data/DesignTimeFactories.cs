using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.Platform.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the connection is never opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDb>
{
    public SqliteGongkaiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDb>
{
    public PostgresGongkaiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
