using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReminderDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_AwaitsDigest_RecipientId",
                table: "notifications");

            migrationBuilder.AlterColumn<Guid>(
                name: "DossierId",
                table: "notifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<int>(
                name: "DigestBefore",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DigestDue",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DigestEscalated",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DigestOverdue",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_awaiting_digest",
                table: "notifications",
                columns: new[] { "AwaitsDigest", "RecipientId" },
                filter: "\"AwaitsDigest\"");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_digest_key",
                table: "notifications",
                columns: new[] { "RecipientId", "Day", "Kind" },
                unique: true,
                filter: "\"DossierId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A digest has no dossier: it cannot stay once the column is required again.
            migrationBuilder.Sql("DELETE FROM notifications WHERE \"DossierId\" IS NULL");

            migrationBuilder.DropIndex(
                name: "IX_notifications_awaiting_digest",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_digest_key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "DigestBefore",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "DigestDue",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "DigestEscalated",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "DigestOverdue",
                table: "notifications");

            migrationBuilder.AlterColumn<Guid>(
                name: "DossierId",
                table: "notifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_AwaitsDigest_RecipientId",
                table: "notifications",
                columns: new[] { "AwaitsDigest", "RecipientId" });
        }
    }
}
