using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendanceRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MinutesFileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MinutesContentType = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MinutesSize = table.Column<long>(type: "INTEGER", nullable: true),
                    MinutesSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MinutesUploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MinutesUploadedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcludedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenDossierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DossierVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Agree = table.Column<int>(type: "INTEGER", nullable: true),
                    Against = table.Column<int>(type: "INTEGER", nullable: true),
                    Abstain = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VotedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VotedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EventSequence = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
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
