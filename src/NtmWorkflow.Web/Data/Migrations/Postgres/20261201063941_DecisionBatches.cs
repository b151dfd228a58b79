using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DecisionBatchId",
                table: "recognitions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionBatchId",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "decision_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Signer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_batches_units_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recognitions_DecisionBatchId",
                table: "recognitions",
                column: "DecisionBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_DecisionBatchId",
                table: "dossiers",
                column: "DecisionBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_batches_ProvinceCode_Date",
                table: "decision_batches",
                columns: new[] { "ProvinceCode", "Date" });

            migrationBuilder.AddForeignKey(
                name: "FK_dossiers_decision_batches_DecisionBatchId",
                table: "dossiers",
                column: "DecisionBatchId",
                principalTable: "decision_batches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_recognitions_decision_batches_DecisionBatchId",
                table: "recognitions",
                column: "DecisionBatchId",
                principalTable: "decision_batches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_dossiers_decision_batches_DecisionBatchId",
                table: "dossiers");

            migrationBuilder.DropForeignKey(
                name: "FK_recognitions_decision_batches_DecisionBatchId",
                table: "recognitions");

            migrationBuilder.DropTable(
                name: "decision_batches");

            migrationBuilder.DropIndex(
                name: "IX_recognitions_DecisionBatchId",
                table: "recognitions");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_DecisionBatchId",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "DecisionBatchId",
                table: "recognitions");

            migrationBuilder.DropColumn(
                name: "DecisionBatchId",
                table: "dossiers");
        }
    }
}
