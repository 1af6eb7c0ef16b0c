using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Policy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultation_answer_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Disposition = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_answer_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_answer_templates_organs_OrganId",
                        column: x => x.OrganId,
                        principalTable: "organs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    OtherChannels = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FeedbackDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackSummary = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    DecisionDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultations_organs_OrganId",
                        column: x => x.OrganId,
                        principalTable: "organs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interpretation_requirements",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FlaggedByName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    WaiverReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WaivedByName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    WaivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interpretation_requirements", x => x.DocumentId);
                });

            migrationBuilder.CreateTable(
                name: "interpretations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Background = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Goals = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MainContent = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Scope = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Standards = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    KeyTerms = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Changes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Benefits = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MediaUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Speaker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interpretations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interpretations_organs_OrganId",
                        column: x => x.OrganId,
                        principalTable: "organs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PolicyTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Scope = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Method = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Findings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_evaluations_organs_OrganId",
                        column: x => x.OrganId,
                        principalTable: "organs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultation_basis",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_basis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_basis_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Text = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_versions_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interpretation_policies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InterpretationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interpretation_policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interpretation_policies_interpretations_InterpretationId",
                        column: x => x.InterpretationId,
                        principalTable: "interpretations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interpretation_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InterpretationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interpretation_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interpretation_questions_interpretations_InterpretationId",
                        column: x => x.InterpretationId,
                        principalTable: "interpretations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_articles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_articles_consultation_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "consultation_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArticleLabel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReceiptNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SubmissionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PublicBody = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CommenterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    GroupKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnteredByName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Moderation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ModerationNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModeratorName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Disposition = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reply = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultation_articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "consultation_articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultation_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "consultation_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_answer_templates_OrganId_Name",
                table: "consultation_answer_templates",
                columns: new[] { "OrganId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_articles_VersionId_Position",
                table: "consultation_articles",
                columns: new[] { "VersionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_basis_ConsultationId_DocumentId",
                table: "consultation_basis",
                columns: new[] { "ConsultationId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ArticleId",
                table: "consultation_comments",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ConsultationId_Disposition_Id",
                table: "consultation_comments",
                columns: new[] { "ConsultationId", "Disposition", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ConsultationId_GroupKey",
                table: "consultation_comments",
                columns: new[] { "ConsultationId", "GroupKey" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ConsultationId_Moderation_Id",
                table: "consultation_comments",
                columns: new[] { "ConsultationId", "Moderation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ReceiptNumber",
                table: "consultation_comments",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_SubmissionKey",
                table: "consultation_comments",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_VersionId",
                table: "consultation_comments",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_versions_ConsultationId_Number",
                table: "consultation_versions",
                columns: new[] { "ConsultationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultations_AnnouncedAt_OpensAt",
                table: "consultations",
                columns: new[] { "AnnouncedAt", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultations_DecisionDocumentId",
                table: "consultations",
                column: "DecisionDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_OrganId_OpensAt",
                table: "consultations",
                columns: new[] { "OrganId", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_interpretation_policies_DocumentId",
                table: "interpretation_policies",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_interpretation_policies_InterpretationId_DocumentId",
                table: "interpretation_policies",
                columns: new[] { "InterpretationId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interpretation_questions_InterpretationId_Position",
                table: "interpretation_questions",
                columns: new[] { "InterpretationId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interpretation_requirements_OrganId",
                table: "interpretation_requirements",
                column: "OrganId");

            migrationBuilder.CreateIndex(
                name: "IX_interpretations_OrganId",
                table: "interpretations",
                column: "OrganId");

            migrationBuilder.CreateIndex(
                name: "IX_interpretations_Status_PublishedAt",
                table: "interpretations",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_policy_evaluations_OrganId",
                table: "policy_evaluations",
                column: "OrganId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_evaluations_Year_OrganId",
                table: "policy_evaluations",
                columns: new[] { "Year", "OrganId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_answer_templates");

            migrationBuilder.DropTable(
                name: "consultation_basis");

            migrationBuilder.DropTable(
                name: "consultation_comments");

            migrationBuilder.DropTable(
                name: "interpretation_policies");

            migrationBuilder.DropTable(
                name: "interpretation_questions");

            migrationBuilder.DropTable(
                name: "interpretation_requirements");

            migrationBuilder.DropTable(
                name: "policy_evaluations");

            migrationBuilder.DropTable(
                name: "consultation_articles");

            migrationBuilder.DropTable(
                name: "interpretations");

            migrationBuilder.DropTable(
                name: "consultation_versions");

            migrationBuilder.DropTable(
                name: "consultations");
        }
    }
}
