using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnualReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FormatId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RulesIssued = table.Column<int>(type: "INTEGER", nullable: true),
                    RulesRepealed = table.Column<int>(type: "INTEGER", nullable: true),
                    RulesValid = table.Column<int>(type: "INTEGER", nullable: true),
                    Licensing = table.Column<int>(type: "INTEGER", nullable: true),
                    Penalties = table.Column<int>(type: "INTEGER", nullable: true),
                    Coercions = table.Column<int>(type: "INTEGER", nullable: true),
                    FeeAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: true),
                    EnteredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Overview = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OtherMatters = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverrideByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    OverrideAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedFigures = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_annual_reports_organs_OrganId",
                        column: x => x.OrganId,
                        principalTable: "organs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_OrganId_Year",
                table: "annual_reports",
                columns: new[] { "OrganId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_reports");
        }
    }
}
