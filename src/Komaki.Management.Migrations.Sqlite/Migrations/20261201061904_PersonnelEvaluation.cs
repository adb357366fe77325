using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonnelEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonnelDesigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GoalsDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MidYearDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SelfDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SecondDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdjustDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DisclosureDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComplaintDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DiscloseDetails = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelDesigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetenceCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelDesignId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Viewpoints = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetenceCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetenceCriteria_PersonnelDesigns_PersonnelDesignId",
                        column: x => x.PersonnelDesignId,
                        principalTable: "PersonnelDesigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DesignGrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelDesignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    MaxShare = table.Column<int>(type: "INTEGER", nullable: true),
                    BonusCategory = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesignGrades_PersonnelDesigns_PersonnelDesignId",
                        column: x => x.PersonnelDesignId,
                        principalTable: "PersonnelDesigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonnelEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    JobLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstEvaluatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    SecondEvaluatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalInterviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GoalInterviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MidYearInterviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MidYearInterviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FinalCompetenceGrade = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    FinalPerformanceGrade = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    AdjustmentReason = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    DisclosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComplaintDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonnelEvaluations_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelEvaluations_StaffMembers_FirstEvaluatorId",
                        column: x => x.FirstEvaluatorId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelEvaluations_StaffMembers_SecondEvaluatorId",
                        column: x => x.SecondEvaluatorId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelEvaluations_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    JobLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    SalaryGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    Employment = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffAssignments_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffAssignments_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelEvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    CompetenceCriterionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PerformanceGoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationMarks_PersonnelEvaluations_PersonnelEvaluationId",
                        column: x => x.PersonnelEvaluationId,
                        principalTable: "PersonnelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceGoalChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelEvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceGoalChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceGoalChanges_PersonnelEvaluations_PersonnelEvaluationId",
                        column: x => x.PersonnelEvaluationId,
                        principalTable: "PersonnelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelEvaluationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationalGoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    ManifestoItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: true),
                    Weight = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceGoals_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PerformanceGoals_ManifestoItems_ManifestoItemId",
                        column: x => x.ManifestoItemId,
                        principalTable: "ManifestoItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PerformanceGoals_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PerformanceGoals_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PerformanceGoals_PersonnelEvaluations_PersonnelEvaluationId",
                        column: x => x.PersonnelEvaluationId,
                        principalTable: "PersonnelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PerformanceGoals_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonnelComplaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelEvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelComplaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonnelComplaints_PersonnelEvaluations_PersonnelEvaluationId",
                        column: x => x.PersonnelEvaluationId,
                        principalTable: "PersonnelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonnelEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonnelEvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonnelEvents_PersonnelEvaluations_PersonnelEvaluationId",
                        column: x => x.PersonnelEvaluationId,
                        principalTable: "PersonnelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonnelReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PersonnelEvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonnelReads_PersonnelEvaluations_PersonnelEvaluationId",
                        column: x => x.PersonnelEvaluationId,
                        principalTable: "PersonnelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetenceCriteria_PersonnelDesignId",
                table: "CompetenceCriteria",
                column: "PersonnelDesignId");

            migrationBuilder.CreateIndex(
                name: "IX_DesignGrades_PersonnelDesignId",
                table: "DesignGrades",
                column: "PersonnelDesignId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationMarks_PersonnelEvaluationId",
                table: "EvaluationMarks",
                column: "PersonnelEvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoalChanges_PersonnelEvaluationId",
                table: "PerformanceGoalChanges",
                column: "PersonnelEvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoals_ManifestoItemId",
                table: "PerformanceGoals",
                column: "ManifestoItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoals_MeasureId",
                table: "PerformanceGoals",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoals_OrganizationalGoalId",
                table: "PerformanceGoals",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoals_OwnerUserId_FiscalYear",
                table: "PerformanceGoals",
                columns: new[] { "OwnerUserId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoals_PersonnelEvaluationId",
                table: "PerformanceGoals",
                column: "PersonnelEvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceGoals_ProjectId",
                table: "PerformanceGoals",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelComplaints_PersonnelEvaluationId",
                table: "PersonnelComplaints",
                column: "PersonnelEvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelDesigns_FiscalYear",
                table: "PersonnelDesigns",
                column: "FiscalYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvaluations_FirstEvaluatorId",
                table: "PersonnelEvaluations",
                column: "FirstEvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvaluations_FiscalYear_StaffMemberId",
                table: "PersonnelEvaluations",
                columns: new[] { "FiscalYear", "StaffMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvaluations_OrgUnitId",
                table: "PersonnelEvaluations",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvaluations_SecondEvaluatorId",
                table: "PersonnelEvaluations",
                column: "SecondEvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvaluations_StaffMemberId",
                table: "PersonnelEvaluations",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvents_PersonnelEvaluationId",
                table: "PersonnelEvents",
                column: "PersonnelEvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelReads_PersonnelEvaluationId",
                table: "PersonnelReads",
                column: "PersonnelEvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAssignments_FiscalYear_OrgUnitId",
                table: "StaffAssignments",
                columns: new[] { "FiscalYear", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAssignments_FiscalYear_StaffMemberId_StartsOn",
                table: "StaffAssignments",
                columns: new[] { "FiscalYear", "StaffMemberId", "StartsOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffAssignments_OrgUnitId",
                table: "StaffAssignments",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAssignments_StaffMemberId",
                table: "StaffAssignments",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_StaffNumber",
                table: "StaffMembers",
                column: "StaffNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_UserId",
                table: "StaffMembers",
                column: "UserId");

            // The individual goals written before 人事評価 existed become performance goals of the same person and year,
            // not yet attached to an evaluation: opening the year attaches them (PersonnelCommands.OpenYearAsync).
            migrationBuilder.Sql("INSERT INTO \"PerformanceGoals\" (\"Id\", \"OwnerUserId\", \"FiscalYear\", \"OrganizationalGoalId\", \"Title\", \"Description\", \"Target\", \"Result\", \"SortOrder\", \"Version\") SELECT \"Id\", \"OwnerUserId\", \"FiscalYear\", \"OrganizationalGoalId\", \"Title\", \"Description\", \"Target\", \"Result\", 0, \"Version\" FROM \"IndividualGoals\";");

            migrationBuilder.DropTable(
                name: "IndividualGoals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetenceCriteria");

            migrationBuilder.DropTable(
                name: "DesignGrades");

            migrationBuilder.DropTable(
                name: "EvaluationMarks");

            migrationBuilder.DropTable(
                name: "PerformanceGoalChanges");

            migrationBuilder.DropTable(
                name: "PerformanceGoals");

            migrationBuilder.DropTable(
                name: "PersonnelComplaints");

            migrationBuilder.DropTable(
                name: "PersonnelEvents");

            migrationBuilder.DropTable(
                name: "PersonnelReads");

            migrationBuilder.DropTable(
                name: "StaffAssignments");

            migrationBuilder.DropTable(
                name: "PersonnelDesigns");

            migrationBuilder.DropTable(
                name: "PersonnelEvaluations");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.CreateTable(
                name: "IndividualGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationalGoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndividualGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndividualGoals_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndividualGoals_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_OrganizationalGoalId",
                table: "IndividualGoals",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_OwnerUserId_FiscalYear",
                table: "IndividualGoals",
                columns: new[] { "OwnerUserId", "FiscalYear" });
        }
    }
}
