using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_sections");

            migrationBuilder.CreateTable(
                name: "search_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true),
                    TitleVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_search",
                table: "documents",
                columns: new[] { "Id", "Status", "Attribute", "OrganId", "PublishedAt", "SubjectCategory" });

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_AllVector",
                table: "search_entries",
                column: "AllVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_OwnerId",
                table: "search_entries",
                column: "OwnerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_TitleVector",
                table: "search_entries",
                column: "TitleVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_entries");

            migrationBuilder.DropIndex(
                name: "IX_documents_search",
                table: "documents");

            migrationBuilder.CreateTable(
                name: "search_sections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_sections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_sections_OwnerId_Seq",
                table: "search_sections",
                columns: new[] { "OwnerId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_search_sections_Vector",
                table: "search_sections",
                column: "Vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
