using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DataVersionsPerArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Area = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Area);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Area", "Version" },
                values: new object[,]
                {
                    { "check", 1L },
                    { "cycle", 1L },
                    { "do", 1L },
                    { "goals", 1L },
                    { "org", 1L },
                    { "plan", 1L },
                    { "publishing", 1L },
                    { "settings", 1L },
                    { "voice", 1L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");
        }
    }
}
