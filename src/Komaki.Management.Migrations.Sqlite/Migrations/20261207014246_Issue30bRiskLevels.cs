using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue30bRiskLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Employment",
                table: "StaffingUnitCosts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Impact1",
                table: "ControlYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Impact2",
                table: "ControlYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Impact3",
                table: "ControlYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Likelihood1",
                table: "ControlYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Likelihood2",
                table: "ControlYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Likelihood3",
                table: "ControlYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Employment",
                table: "StaffingUnitCosts");

            migrationBuilder.DropColumn(
                name: "Impact1",
                table: "ControlYears");

            migrationBuilder.DropColumn(
                name: "Impact2",
                table: "ControlYears");

            migrationBuilder.DropColumn(
                name: "Impact3",
                table: "ControlYears");

            migrationBuilder.DropColumn(
                name: "Likelihood1",
                table: "ControlYears");

            migrationBuilder.DropColumn(
                name: "Likelihood2",
                table: "ControlYears");

            migrationBuilder.DropColumn(
                name: "Likelihood3",
                table: "ControlYears");
        }
    }
}
