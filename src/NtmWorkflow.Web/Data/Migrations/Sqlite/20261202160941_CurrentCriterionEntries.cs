using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// A criterion's current self-assessment and each stage's current verdict are marked, so that reads find them by key;
    /// the entries already recorded are marked by <see cref="CriterionEntryBackfill"/> before the unique indexes are built.
    /// </summary>
    public partial class CurrentCriterionEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_criterion_entries_DossierId_Kind_Number",
                table: "criterion_entries");

            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "criterion_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql(CriterionEntryBackfill.Up);

            migrationBuilder.CreateIndex(
                name: "IX_criterion_entries_current_review",
                table: "criterion_entries",
                columns: new[] { "DossierId", "Number", "Stage" },
                unique: true,
                filter: "\"IsCurrent\" AND \"Kind\" = 'review'");

            migrationBuilder.CreateIndex(
                name: "IX_criterion_entries_current_self_assessment",
                table: "criterion_entries",
                columns: new[] { "DossierId", "Number" },
                unique: true,
                filter: "\"IsCurrent\" AND \"Kind\" = 'self-assessment'");

            migrationBuilder.CreateIndex(
                name: "IX_criterion_entries_DossierId_Kind_Number_Id",
                table: "criterion_entries",
                columns: new[] { "DossierId", "Kind", "Number", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_criterion_entries_current_review",
                table: "criterion_entries");

            migrationBuilder.DropIndex(
                name: "IX_criterion_entries_current_self_assessment",
                table: "criterion_entries");

            migrationBuilder.DropIndex(
                name: "IX_criterion_entries_DossierId_Kind_Number_Id",
                table: "criterion_entries");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "criterion_entries");

            migrationBuilder.CreateIndex(
                name: "IX_criterion_entries_DossierId_Kind_Number",
                table: "criterion_entries",
                columns: new[] { "DossierId", "Kind", "Number" });
        }
    }
}
