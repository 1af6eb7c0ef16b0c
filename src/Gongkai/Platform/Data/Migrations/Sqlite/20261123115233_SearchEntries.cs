using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "IX_search_entries_OwnerId",
                table: "search_entries",
                column: "OwnerId",
                unique: true);
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_sections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_sections_OwnerId_Seq",
                table: "search_sections",
                columns: new[] { "OwnerId", "Seq" });
        }
    }
}
