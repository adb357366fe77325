using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ManifestoCitizenGoals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CopiedFromId",
                table: "BasicPlans",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenInputs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenInputs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MayorTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MayorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MayorTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationalGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrgUnitId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    MidYearReview = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Grade = table.Column<int>(type: "int", nullable: true),
                    GradeEvidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationalGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationalGoals_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeasureId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Satisfaction = table.Column<decimal>(type: "decimal(9,3)", precision: 9, scale: 3, nullable: false),
                    Importance = table.Column<decimal>(type: "decimal(9,3)", precision: 9, scale: 3, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResults_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CitizenInputLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CitizenInputId = table.Column<int>(type: "int", nullable: false),
                    MeasureId = table.Column<int>(type: "int", nullable: true),
                    ProjectId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenInputLinks", x => x.Id);
                    table.CheckConstraint("CK_CitizenInputLinks_OneTarget", "(CASE WHEN \"MeasureId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ProjectId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_CitizenInputLinks_CitizenInputs_CitizenInputId",
                        column: x => x.CitizenInputId,
                        principalTable: "CitizenInputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CitizenInputLinks_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CitizenInputLinks_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManifestoItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MayorTermId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Area = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    NumericTarget = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManifestoItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManifestoItems_MayorTerms_MayorTermId",
                        column: x => x.MayorTermId,
                        principalTable: "MayorTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GoalEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganizationalGoalId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalEvents_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganizationalGoalId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Target = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Actual = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalIndicators_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganizationalGoalId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Schedule = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalSteps_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndividualGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    OrganizationalGoalId = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Target = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Result = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "GoalLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganizationalGoalId = table.Column<int>(type: "int", nullable: false),
                    MeasureId = table.Column<int>(type: "int", nullable: true),
                    ProjectId = table.Column<int>(type: "int", nullable: true),
                    ManifestoItemId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalLinks", x => x.Id);
                    table.CheckConstraint("CK_GoalLinks_OneTarget", "(CASE WHEN \"MeasureId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ProjectId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ManifestoItemId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_GoalLinks_ManifestoItems_ManifestoItemId",
                        column: x => x.ManifestoItemId,
                        principalTable: "ManifestoItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GoalLinks_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GoalLinks_OrganizationalGoals_OrganizationalGoalId",
                        column: x => x.OrganizationalGoalId,
                        principalTable: "OrganizationalGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalLinks_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManifestoLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ManifestoItemId = table.Column<int>(type: "int", nullable: false),
                    PolicyId = table.Column<int>(type: "int", nullable: true),
                    MeasureId = table.Column<int>(type: "int", nullable: true),
                    ProjectId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManifestoLinks", x => x.Id);
                    table.CheckConstraint("CK_ManifestoLinks_OneTarget", "(CASE WHEN \"PolicyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MeasureId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ProjectId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_ManifestoLinks_ManifestoItems_ManifestoItemId",
                        column: x => x.ManifestoItemId,
                        principalTable: "ManifestoItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ManifestoLinks_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ManifestoLinks_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ManifestoLinks_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManifestoProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ManifestoItemId = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Commentary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManifestoProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManifestoProgress_ManifestoItems_ManifestoItemId",
                        column: x => x.ManifestoItemId,
                        principalTable: "ManifestoItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BasicPlans_CopiedFromId",
                table: "BasicPlans",
                column: "CopiedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenInputLinks_CitizenInputId",
                table: "CitizenInputLinks",
                column: "CitizenInputId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenInputLinks_MeasureId",
                table: "CitizenInputLinks",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenInputLinks_ProjectId",
                table: "CitizenInputLinks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenInputs_ReceivedOn",
                table: "CitizenInputs",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_GoalEvents_OrganizationalGoalId",
                table: "GoalEvents",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalIndicators_OrganizationalGoalId",
                table: "GoalIndicators",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalLinks_ManifestoItemId",
                table: "GoalLinks",
                column: "ManifestoItemId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalLinks_MeasureId",
                table: "GoalLinks",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalLinks_OrganizationalGoalId",
                table: "GoalLinks",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalLinks_ProjectId",
                table: "GoalLinks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalSteps_OrganizationalGoalId",
                table: "GoalSteps",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_OrganizationalGoalId",
                table: "IndividualGoals",
                column: "OrganizationalGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_OwnerUserId_FiscalYear",
                table: "IndividualGoals",
                columns: new[] { "OwnerUserId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_ManifestoItems_MayorTermId_Number",
                table: "ManifestoItems",
                columns: new[] { "MayorTermId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManifestoLinks_ManifestoItemId",
                table: "ManifestoLinks",
                column: "ManifestoItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ManifestoLinks_MeasureId",
                table: "ManifestoLinks",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_ManifestoLinks_PolicyId",
                table: "ManifestoLinks",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_ManifestoLinks_ProjectId",
                table: "ManifestoLinks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ManifestoProgress_ManifestoItemId_FiscalYear",
                table: "ManifestoProgress",
                columns: new[] { "ManifestoItemId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationalGoals_FiscalYear_OrgUnitId",
                table: "OrganizationalGoals",
                columns: new[] { "FiscalYear", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationalGoals_OrgUnitId",
                table: "OrganizationalGoals",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_MeasureId_FiscalYear",
                table: "SurveyResults",
                columns: new[] { "MeasureId", "FiscalYear" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_BasicPlans_BasicPlans_CopiedFromId",
                table: "BasicPlans",
                column: "CopiedFromId",
                principalTable: "BasicPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BasicPlans_BasicPlans_CopiedFromId",
                table: "BasicPlans");

            migrationBuilder.DropTable(
                name: "CitizenInputLinks");

            migrationBuilder.DropTable(
                name: "GoalEvents");

            migrationBuilder.DropTable(
                name: "GoalIndicators");

            migrationBuilder.DropTable(
                name: "GoalLinks");

            migrationBuilder.DropTable(
                name: "GoalSteps");

            migrationBuilder.DropTable(
                name: "IndividualGoals");

            migrationBuilder.DropTable(
                name: "ManifestoLinks");

            migrationBuilder.DropTable(
                name: "ManifestoProgress");

            migrationBuilder.DropTable(
                name: "SurveyResults");

            migrationBuilder.DropTable(
                name: "CitizenInputs");

            migrationBuilder.DropTable(
                name: "OrganizationalGoals");

            migrationBuilder.DropTable(
                name: "ManifestoItems");

            migrationBuilder.DropTable(
                name: "MayorTerms");

            migrationBuilder.DropIndex(
                name: "IX_BasicPlans_CopiedFromId",
                table: "BasicPlans");

            migrationBuilder.DropColumn(
                name: "CopiedFromId",
                table: "BasicPlans");
        }
    }
}
