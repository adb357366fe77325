using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue31Setsu : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetRequestSetsu",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Setsu = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRequestSetsu", x => x.Id);
                    table.CheckConstraint("CK_BudgetRequestSetsu_Setsu", "\"Setsu\" BETWEEN 1 AND 27");
                    table.ForeignKey(
                        name: "FK_BudgetRequestSetsu_BudgetRequests_BudgetRequestId",
                        column: x => x.BudgetRequestId,
                        principalTable: "BudgetRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRequestSetsu_BudgetRequestId_Setsu",
                table: "BudgetRequestSetsu",
                columns: new[] { "BudgetRequestId", "Setsu" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetRequestSetsu");
        }
    }
}
