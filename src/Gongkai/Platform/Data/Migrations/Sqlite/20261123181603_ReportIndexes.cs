using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_documents_report",
                table: "documents",
                columns: new[] { "OrganId", "InformationType", "Status", "WrittenOn", "Validity", "ValidityChangedOn", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_report_closed",
                table: "disclosure_requests",
                columns: new[] { "OrganId", "ClosedOn", "ReceivedOn", "ApplicantType", "Outcome", "Timeliness" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_report_received",
                table: "disclosure_requests",
                columns: new[] { "OrganId", "ReceivedOn", "ClosedOn", "ApplicantType", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_report",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_report_closed",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_report_received",
                table: "disclosure_requests");
        }
    }
}
