using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 16, the applicant's side: a request's files say what they are (request_attachments.Kind: Submitted, or
    /// Released — the information a reply releases, downloaded by the applicant once delivered). Existing rows are files
    /// sent with a request.
    /// </summary>
    [DbContext(typeof(PostgresGongkaiDb))]
    [Migration("20261208003500_I16Applicant")]
    public partial class I16Applicant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "request_attachments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Submitted");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "request_attachments");
        }
    }
}
