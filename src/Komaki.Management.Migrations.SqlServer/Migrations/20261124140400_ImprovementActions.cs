using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ImprovementActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImprovementActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    ProjectEvaluationId = table.Column<int>(type: "int", nullable: true),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Direction = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    AnswerPlanLineId = table.Column<int>(type: "int", nullable: true),
                    AnswerBudgetLineId = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_BudgetLines_AnswerBudgetLineId",
                        column: x => x.AnswerBudgetLineId,
                        principalTable: "BudgetLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_ImplementationPlanLines_AnswerPlanLineId",
                        column: x => x.AnswerPlanLineId,
                        principalTable: "ImplementationPlanLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_OrgUnits_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_ProjectEvaluations_ProjectEvaluationId",
                        column: x => x.ProjectEvaluationId,
                        principalTable: "ProjectEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_AnswerBudgetLineId",
                table: "ImprovementActions",
                column: "AnswerBudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_AnswerPlanLineId",
                table: "ImprovementActions",
                column: "AnswerPlanLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_OwnerUnitId",
                table: "ImprovementActions",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_ProjectEvaluationId",
                table: "ImprovementActions",
                column: "ProjectEvaluationId",
                unique: true,
                filter: "[ProjectEvaluationId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_ProjectId",
                table: "ImprovementActions",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_State_OwnerUnitId",
                table: "ImprovementActions",
                columns: new[] { "State", "OwnerUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImprovementActions");
        }
    }
}
