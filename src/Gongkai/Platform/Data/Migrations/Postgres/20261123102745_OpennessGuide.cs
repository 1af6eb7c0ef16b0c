using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpennessGuide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "openness_guides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    Classification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Arrangement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Access = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OfficeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OfficeAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OfficeHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fax = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OnlineContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestProcedure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_openness_guides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_openness_guides_organs_OrganId",
                        column: x => x.OrganId,
                        principalTable: "organs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_openness_guides_OrganId",
                table: "openness_guides",
                column: "OrganId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "openness_guides");
        }
    }
}
