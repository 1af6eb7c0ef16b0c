using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CheckedOn",
                table: "disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveredBy",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeliveredOn",
                table: "disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DuePending",
                table: "disclosure_requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LegalGround",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedById",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByName",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProposedOn",
                table: "disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedOutcome",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PublishedDocumentId",
                table: "disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegisteredOn",
                table: "disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplySummary",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleOrgan",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewOpinion",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewedOn",
                table: "disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Timeliness",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithheldParts",
                table: "disclosure_requests",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "request_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_reminders_disclosure_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "disclosure_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_sweep_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Checked = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    Reminders = table.Column<int>(type: "INTEGER", nullable: false),
                    StillPending = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_sweep_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "request_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromOrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToOrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_transfers_disclosure_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "disclosure_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_open",
                table: "disclosure_requests",
                column: "Id",
                filter: "\"Stage\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_OrganId_AssignedToId_Stage",
                table: "disclosure_requests",
                columns: new[] { "OrganId", "AssignedToId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_request_reminders_On_Kind_OrganId",
                table: "request_reminders",
                columns: new[] { "On", "Kind", "OrganId" });

            migrationBuilder.CreateIndex(
                name: "IX_request_reminders_RequestId_Kind_On",
                table: "request_reminders",
                columns: new[] { "RequestId", "Kind", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_request_sweep_runs_Day",
                table: "request_sweep_runs",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_request_transfers_RequestId",
                table: "request_transfers",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_reminders");

            migrationBuilder.DropTable(
                name: "request_sweep_runs");

            migrationBuilder.DropTable(
                name: "request_transfers");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_open",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_OrganId_AssignedToId_Stage",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "CheckedOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "DeliveredBy",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "DeliveredOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "DuePending",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "LegalGround",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ProposedById",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ProposedByName",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ProposedOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ProposedOutcome",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "PublishedDocumentId",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "RegisteredOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReplySummary",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ResponsibleOrgan",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReviewOpinion",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReviewedOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "Timeliness",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "WithheldParts",
                table: "disclosure_requests");
        }
    }
}
