using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue31RoundStageKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BudgetRoundStage_BudgetRounds_BudgetRoundId1",
                table: "BudgetRoundStage");

            migrationBuilder.DropIndex(
                name: "IX_BudgetRoundStage_BudgetRoundId1",
                table: "BudgetRoundStage");

            migrationBuilder.DropColumn(
                name: "BudgetRoundId1",
                table: "BudgetRoundStage");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BudgetRoundId1",
                table: "BudgetRoundStage",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRoundStage_BudgetRoundId1",
                table: "BudgetRoundStage",
                column: "BudgetRoundId1");

            migrationBuilder.AddForeignKey(
                name: "FK_BudgetRoundStage_BudgetRounds_BudgetRoundId1",
                table: "BudgetRoundStage",
                column: "BudgetRoundId1",
                principalTable: "BudgetRounds",
                principalColumn: "Id");
        }
    }
}
