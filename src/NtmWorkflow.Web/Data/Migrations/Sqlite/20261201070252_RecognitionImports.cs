using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecognitionImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "recognitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recognition_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScopeUnitCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScopePath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<string>(type: "TEXT", nullable: false),
                    Report = table.Column<string>(type: "TEXT", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Added = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recognitions_ImportId",
                table: "recognitions",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_recognition_imports_ScopePath_UploadedAt",
                table: "recognition_imports",
                columns: new[] { "ScopePath", "UploadedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_recognitions_recognition_imports_ImportId",
                table: "recognitions",
                column: "ImportId",
                principalTable: "recognition_imports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_recognitions_recognition_imports_ImportId",
                table: "recognitions");

            migrationBuilder.DropTable(
                name: "recognition_imports");

            migrationBuilder.DropIndex(
                name: "IX_recognitions_ImportId",
                table: "recognitions");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "recognitions");
        }
    }
}
