using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ImplementationBudgetExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Requested = table.Column<long>(type: "bigint", nullable: true),
                    Assessed = table.Column<long>(type: "bigint", nullable: true),
                    Initial = table.Column<long>(type: "bigint", nullable: true),
                    Supplementary = table.Column<long>(type: "bigint", nullable: true),
                    Settled = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    Goal = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    MidYearStatus = table.Column<int>(type: "int", nullable: true),
                    MidYearProgress = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    YearEndStatus = table.Column<int>(type: "int", nullable: true),
                    YearEndProgress = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionPlans_OrgUnits_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExecutionPlans_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImplementationPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CopiedFromId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementationPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplementationPlans_ImplementationPlans_CopiedFromId",
                        column: x => x.CopiedFromId,
                        principalTable: "ImplementationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionPlanMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExecutionPlanId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Work = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionPlanMonths", x => x.Id);
                    table.CheckConstraint("CK_ExecutionPlanMonths_Month", "\"Month\" BETWEEN 1 AND 12");
                    table.ForeignKey(
                        name: "FK_ExecutionPlanMonths_ExecutionPlans_ExecutionPlanId",
                        column: x => x.ExecutionPlanId,
                        principalTable: "ExecutionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImplementationPlanLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ImplementationPlanId = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    National = table.Column<long>(type: "bigint", nullable: false),
                    Prefectural = table.Column<long>(type: "bigint", nullable: false),
                    Bonds = table.Column<long>(type: "bigint", nullable: false),
                    OtherSpecific = table.Column<long>(type: "bigint", nullable: false),
                    General = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementationPlanLines", x => x.Id);
                    table.CheckConstraint("CK_ImplementationPlanLines_Balanced", "\"Cost\" = \"National\" + \"Prefectural\" + \"Bonds\" + \"OtherSpecific\" + \"General\"");
                    table.ForeignKey(
                        name: "FK_ImplementationPlanLines_ImplementationPlans_ImplementationPlanId",
                        column: x => x.ImplementationPlanId,
                        principalTable: "ImplementationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImplementationPlanLines_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_FiscalYear",
                table: "BudgetLines",
                column: "FiscalYear");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_ProjectId_FiscalYear",
                table: "BudgetLines",
                columns: new[] { "ProjectId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionPlanMonths_ExecutionPlanId_Month",
                table: "ExecutionPlanMonths",
                columns: new[] { "ExecutionPlanId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionPlans_FiscalYear_ProjectId",
                table: "ExecutionPlans",
                columns: new[] { "FiscalYear", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionPlans_OwnerUnitId",
                table: "ExecutionPlans",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionPlans_ProjectId",
                table: "ExecutionPlans",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlanLines_ImplementationPlanId_ProjectId_FiscalYear",
                table: "ImplementationPlanLines",
                columns: new[] { "ImplementationPlanId", "ProjectId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlanLines_ProjectId",
                table: "ImplementationPlanLines",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlans_CopiedFromId",
                table: "ImplementationPlans",
                column: "CopiedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlans_FiscalYear",
                table: "ImplementationPlans",
                column: "FiscalYear",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropTable(
                name: "ExecutionPlanMonths");

            migrationBuilder.DropTable(
                name: "ImplementationPlanLines");

            migrationBuilder.DropTable(
                name: "ExecutionPlans");

            migrationBuilder.DropTable(
                name: "ImplementationPlans");
        }
    }
}
