using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NtmWorkflow.Web.Data.Migrations.Sqlite
{
    /// <summary>Hangfire replaced Quartz: its tables go, with whatever jobs and triggers they held (none is needed).</summary>
    public partial class DropQuartzTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzTables.DropOnSqlite);
        }

        /// <summary>Quartz created its tables itself at start-up; a release that needs them again does the same.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
