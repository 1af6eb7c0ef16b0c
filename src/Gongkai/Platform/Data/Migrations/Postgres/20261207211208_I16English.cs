using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I16English : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnglishSummary",
                table: "documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnglishTitle",
                table: "documents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_english",
                table: "documents",
                columns: new[] { "Status", "PublishedAt" },
                filter: "\"EnglishTitle\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_english",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "EnglishSummary",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "EnglishTitle",
                table: "documents");
        }
    }
}
