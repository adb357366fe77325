using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InternalControlAndStaffing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "FiscalYearPersonYears",
                table: "ProjectEvaluations",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ReappointedPersonYears",
                table: "ProjectEvaluations",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ControlPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChiefName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PromotionUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluationUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlPolicies_OrgUnits_EvaluationUnitId",
                        column: x => x.EvaluationUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ControlPolicies_OrgUnits_PromotionUnitId",
                        column: x => x.PromotionUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ControlRisks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    Process = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExistingControl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Likelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    Response = table.Column<int>(type: "INTEGER", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DesignRating = table.Column<int>(type: "INTEGER", nullable: true),
                    DesignEvidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OperationRating = table.Column<int>(type: "INTEGER", nullable: true),
                    OperationEvidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvaluatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlRisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlRisks_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ControlYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EntryDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EvaluationDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsolidatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuditReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuditOpinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CouncilOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobType = table.Column<int>(type: "INTEGER", nullable: false),
                    Employment = table.Column<int>(type: "INTEGER", nullable: false),
                    Allocated = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    ActualApril1 = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Requested = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    RequestReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Assessed = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    AssessmentReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffingLines_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffingYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OrdinanceQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTarget = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessmentDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tolerance = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ControlDeficiencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ControlRiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectiveAction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CorrectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlDeficiencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlDeficiencies_ControlRisks_ControlRiskId",
                        column: x => x.ControlRiskId,
                        principalTable: "ControlRisks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ControlRiskLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ControlRiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationalGoalId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlRiskLinks", x => x.Id);
                    table.CheckConstraint("CK_ControlRiskLinks_OneTarget", "(CASE WHEN \"ProjectId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MeasureId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"OrganizationalGoalId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_ControlRiskLinks_ControlRisks_ControlRiskId",
                        column: x => x.ControlRiskId,
                        principalTable: "ControlRisks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ControlRiskLinks_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ControlRiskLinks_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ControlRiskLinks_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingErrors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Prevention = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ControlRiskId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessingErrors_ControlRisks_ControlRiskId",
                        column: x => x.ControlRiskId,
                        principalTable: "ControlRisks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcessingErrors_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffingUnitCosts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobType = table.Column<int>(type: "INTEGER", nullable: false),
                    CostPerPersonYear = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingUnitCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffingUnitCosts_StaffingYears_StaffingYearId",
                        column: x => x.StaffingYearId,
                        principalTable: "StaffingYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ControlDeficiencies_ControlRiskId",
                table: "ControlDeficiencies",
                column: "ControlRiskId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlPolicies_Edition",
                table: "ControlPolicies",
                column: "Edition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ControlPolicies_EvaluationUnitId",
                table: "ControlPolicies",
                column: "EvaluationUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlPolicies_PromotionUnitId",
                table: "ControlPolicies",
                column: "PromotionUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlRiskLinks_ControlRiskId",
                table: "ControlRiskLinks",
                column: "ControlRiskId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlRiskLinks_MeasureId",
                table: "ControlRiskLinks",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlRiskLinks_OrganizationalGoalId",
                table: "ControlRiskLinks",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlRiskLinks_ProjectId",
                table: "ControlRiskLinks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlRisks_Code",
                table: "ControlRisks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ControlRisks_FiscalYear_OrgUnitId",
                table: "ControlRisks",
                columns: new[] { "FiscalYear", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlRisks_OrgUnitId",
                table: "ControlRisks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlYears_FiscalYear",
                table: "ControlYears",
                column: "FiscalYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingErrors_ControlRiskId",
                table: "ProcessingErrors",
                column: "ControlRiskId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingErrors_FiscalYear_OrgUnitId",
                table: "ProcessingErrors",
                columns: new[] { "FiscalYear", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingErrors_OrgUnitId",
                table: "ProcessingErrors",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingLines_FiscalYear_OrgUnitId_JobType_Employment",
                table: "StaffingLines",
                columns: new[] { "FiscalYear", "OrgUnitId", "JobType", "Employment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffingLines_OrgUnitId",
                table: "StaffingLines",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingUnitCosts_StaffingYearId",
                table: "StaffingUnitCosts",
                column: "StaffingYearId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingYears_FiscalYear",
                table: "StaffingYears",
                column: "FiscalYear",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ControlDeficiencies");

            migrationBuilder.DropTable(
                name: "ControlPolicies");

            migrationBuilder.DropTable(
                name: "ControlRiskLinks");

            migrationBuilder.DropTable(
                name: "ControlYears");

            migrationBuilder.DropTable(
                name: "ProcessingErrors");

            migrationBuilder.DropTable(
                name: "StaffingLines");

            migrationBuilder.DropTable(
                name: "StaffingUnitCosts");

            migrationBuilder.DropTable(
                name: "ControlRisks");

            migrationBuilder.DropTable(
                name: "StaffingYears");

            migrationBuilder.DropColumn(
                name: "FiscalYearPersonYears",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "ReappointedPersonYears",
                table: "ProjectEvaluations");
        }
    }
}
