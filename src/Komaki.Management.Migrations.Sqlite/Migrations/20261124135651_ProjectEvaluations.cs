using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SettledCost = table.Column<long>(type: "INTEGER", nullable: true),
                    StaffPersonYears = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    StaffCostPerPersonYear = table.Column<long>(type: "INTEGER", nullable: false),
                    Necessity = table.Column<int>(type: "INTEGER", nullable: true),
                    NecessityReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Effectiveness = table.Column<int>(type: "INTEGER", nullable: true),
                    EffectivenessReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Efficiency = table.Column<int>(type: "INTEGER", nullable: true),
                    EfficiencyReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Equity = table.Column<int>(type: "INTEGER", nullable: true),
                    EquityReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FirstDirection = table.Column<int>(type: "INTEGER", nullable: true),
                    Improvement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SecondDirection = table.Column<int>(type: "INTEGER", nullable: true),
                    SecondReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FirstReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecondReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SecondReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectEvaluations_OrgUnits_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectEvaluations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluations_FiscalYear",
                table: "ProjectEvaluations",
                column: "FiscalYear");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluations_OwnerUnitId",
                table: "ProjectEvaluations",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluations_ProjectId_FiscalYear",
                table: "ProjectEvaluations",
                columns: new[] { "ProjectId", "FiscalYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectEvaluations");
        }
    }
}
