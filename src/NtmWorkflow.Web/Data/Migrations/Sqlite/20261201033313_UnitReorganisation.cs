using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitReorganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DissolvedOn",
                table: "units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficialCode",
                table: "units",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "units",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResolutionDate",
                table: "units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuccessorCode",
                table: "units",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitName",
                table: "recognitions",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "unit_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromParentCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToParentCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IntoCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OldName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolutionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_changes_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_units_SuccessorCode",
                table: "units",
                column: "SuccessorCode");

            migrationBuilder.CreateIndex(
                name: "IX_unit_changes_ChangeId",
                table: "unit_changes",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_changes_UnitCode_At",
                table: "unit_changes",
                columns: new[] { "UnitCode", "At" });

            // ---- Data updates (kept together; not generated) ----
            // A stored "commune" is a xã since the reorganisation of 1 July 2025 brought wards (phường) into the tier.
            migrationBuilder.Sql("UPDATE units SET \"Kind\" = 'xa' WHERE \"Kind\" = 'commune';");
            // A recognition keeps the name its unit had when decided; for existing rows that is the unit's name today.
            migrationBuilder.Sql(
                "UPDATE recognitions SET \"UnitName\" = (SELECT u.\"Name\" FROM units u WHERE u.\"Code\" = recognitions.\"UnitCode\");");
            // ---- End of data updates ----
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // ---- Data updates (kept together; not generated) ----
            migrationBuilder.Sql("UPDATE units SET \"Kind\" = 'commune' WHERE \"Kind\" = 'xa';");
            // ---- End of data updates ----

            migrationBuilder.DropTable(
                name: "unit_changes");

            migrationBuilder.DropIndex(
                name: "IX_units_SuccessorCode",
                table: "units");

            migrationBuilder.DropColumn(
                name: "DissolvedOn",
                table: "units");

            migrationBuilder.DropColumn(
                name: "OfficialCode",
                table: "units");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "units");

            migrationBuilder.DropColumn(
                name: "ResolutionDate",
                table: "units");

            migrationBuilder.DropColumn(
                name: "SuccessorCode",
                table: "units");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "units");

            migrationBuilder.DropColumn(
                name: "UnitName",
                table: "recognitions");
        }
    }
}
