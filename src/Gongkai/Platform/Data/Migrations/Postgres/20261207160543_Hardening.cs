using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "work_plans",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "sent_letters",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "sent_letters",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "request_fees",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "request_appeals",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "privacy_findings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "policy_evaluations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "plan_tasks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "organs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "openness_guides",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "interpretations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "documents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "disclosure_requests",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "consultations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "consultation_comments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "consultation_answer_templates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "annual_reports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "sign_in_throttle",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAt = table.Column<long>(type: "bigint", nullable: true),
                    BlockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_throttle", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_throttle");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "sent_letters");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "request_fees");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "request_appeals");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "privacy_findings");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "policy_evaluations");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "openness_guides");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "interpretations");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "consultations");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "consultation_comments");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "consultation_answer_templates");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "annual_reports");

            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "sent_letters",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
