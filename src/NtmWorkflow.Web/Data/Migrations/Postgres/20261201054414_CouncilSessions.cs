using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CouncilSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "council_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AttendanceRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MinutesFileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MinutesContentType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MinutesSize = table.Column<long>(type: "bigint", nullable: true),
                    MinutesSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MinutesUploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MinutesUploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcludedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_council_sessions_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "council_session_dossiers",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenDossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierVersion = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Agree = table.Column<int>(type: "integer", nullable: true),
                    Against = table.Column<int>(type: "integer", nullable: true),
                    Abstain = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VotedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    VotedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EventSequence = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_session_dossiers", x => new { x.SessionId, x.DossierId });
                    table.ForeignKey(
                        name: "FK_council_session_dossiers_council_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "council_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_council_session_dossiers_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "council_session_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Position = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Present = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_session_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_council_session_members_council_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "council_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_council_session_dossiers_DossierId",
                table: "council_session_dossiers",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_council_session_dossiers_OpenDossierId",
                table: "council_session_dossiers",
                column: "OpenDossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_council_session_members_SessionId_Ordinal",
                table: "council_session_members",
                columns: new[] { "SessionId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_council_sessions_MinutesSha256",
                table: "council_sessions",
                column: "MinutesSha256");

            migrationBuilder.CreateIndex(
                name: "IX_council_sessions_UnitCode_MeetingDate",
                table: "council_sessions",
                columns: new[] { "UnitCode", "MeetingDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "council_session_dossiers");

            migrationBuilder.DropTable(
                name: "council_session_members");

            migrationBuilder.DropTable(
                name: "council_sessions");
        }
    }
}
