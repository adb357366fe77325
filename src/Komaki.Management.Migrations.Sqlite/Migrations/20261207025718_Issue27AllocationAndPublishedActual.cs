using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue27AllocationAndPublishedActual : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AllocationNote",
                table: "StaffingYears",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PublishedActual",
                table: "IndicatorValues",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AllocationNote",
                table: "StaffingYears");

            migrationBuilder.DropColumn(
                name: "PublishedActual",
                table: "IndicatorValues");
        }
    }
}
