using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue30PersonnelYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SpecialPost",
                table: "StaffMembers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjustmentNote",
                table: "PersonnelEvaluations",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedCompetenceGrade",
                table: "PersonnelEvaluations",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedPerformanceGrade",
                table: "PersonnelEvaluations",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedReason",
                table: "PersonnelEvaluations",
                type: "nvarchar(2500)",
                maxLength: 2500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetenceGrade",
                table: "PersonnelComplaints",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PerformanceGrade",
                table: "PersonnelComplaints",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Draft",
                table: "EvaluationMarks",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DraftResult",
                table: "EvaluationMarks",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionConfirmedBy",
                table: "ControlDeficiencies",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CorrectionConfirmedOn",
                table: "ControlDeficiencies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenNote",
                table: "ControlDeficiencies",
                type: "nvarchar(2200)",
                maxLength: 2200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ControlChases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    OrgUnitId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlChases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlChases_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExecutionPlanId = table.Column<int>(type: "int", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportStatus = table.Column<int>(type: "int", nullable: false),
                    ReportText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReportedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionProgressReports_ExecutionPlans_ExecutionPlanId",
                        column: x => x.ExecutionPlanId,
                        principalTable: "ExecutionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ControlChases_FiscalYear_OrgUnitId",
                table: "ControlChases",
                columns: new[] { "FiscalYear", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlChases_OrgUnitId",
                table: "ControlChases",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionProgressReports_ExecutionPlanId_AsOf",
                table: "ExecutionProgressReports",
                columns: new[] { "ExecutionPlanId", "AsOf" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ControlChases");

            migrationBuilder.DropTable(
                name: "ExecutionProgressReports");

            migrationBuilder.DropColumn(
                name: "SpecialPost",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "AdjustmentNote",
                table: "PersonnelEvaluations");

            migrationBuilder.DropColumn(
                name: "DisclosedCompetenceGrade",
                table: "PersonnelEvaluations");

            migrationBuilder.DropColumn(
                name: "DisclosedPerformanceGrade",
                table: "PersonnelEvaluations");

            migrationBuilder.DropColumn(
                name: "DisclosedReason",
                table: "PersonnelEvaluations");

            migrationBuilder.DropColumn(
                name: "CompetenceGrade",
                table: "PersonnelComplaints");

            migrationBuilder.DropColumn(
                name: "PerformanceGrade",
                table: "PersonnelComplaints");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "EvaluationMarks");

            migrationBuilder.DropColumn(
                name: "DraftResult",
                table: "EvaluationMarks");

            migrationBuilder.DropColumn(
                name: "CorrectionConfirmedBy",
                table: "ControlDeficiencies");

            migrationBuilder.DropColumn(
                name: "CorrectionConfirmedOn",
                table: "ControlDeficiencies");

            migrationBuilder.DropColumn(
                name: "ReopenNote",
                table: "ControlDeficiencies");
        }
    }
}
