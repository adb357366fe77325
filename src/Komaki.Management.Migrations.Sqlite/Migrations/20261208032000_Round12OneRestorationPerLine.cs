using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Round12OneRestorationPerLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One 復活要求 per line. A line that got two from posts at once keeps the first one made: the later ones were
            // the race (the rule refused them in every other case) and asked the cut again. Their history entries stay.
            migrationBuilder.Sql("DELETE FROM \"BudgetRestorations\" WHERE \"Id\" NOT IN (SELECT MIN(\"Id\") FROM \"BudgetRestorations\" GROUP BY \"BudgetRequestId\")");

            migrationBuilder.DropIndex(
                name: "IX_BudgetRestorations_BudgetRequestId",
                table: "BudgetRestorations");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRestorations_BudgetRequestId",
                table: "BudgetRestorations",
                column: "BudgetRequestId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BudgetRestorations_BudgetRequestId",
                table: "BudgetRestorations");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRestorations_BudgetRequestId",
                table: "BudgetRestorations",
                column: "BudgetRequestId");
        }
    }
}
