using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SettledFunding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SettledBonds",
                table: "BudgetLines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledGeneral",
                table: "BudgetLines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledNational",
                table: "BudgetLines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledOtherSpecific",
                table: "BudgetLines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledPrefectural",
                table: "BudgetLines",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SettledBonds",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "SettledGeneral",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "SettledNational",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "SettledOtherSpecific",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "SettledPrefectural",
                table: "BudgetLines");
        }
    }
}
