using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenRequestsByOrgan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_open_by_organ",
                table: "disclosure_requests",
                columns: new[] { "OrganId", "Id" },
                filter: "\"Stage\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_open_work",
                table: "disclosure_requests",
                columns: new[] { "OrganId", "DueOn", "ReceivedOn", "Id" },
                filter: "\"Stage\" <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_open_by_organ",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_open_work",
                table: "disclosure_requests");
        }
    }
}
