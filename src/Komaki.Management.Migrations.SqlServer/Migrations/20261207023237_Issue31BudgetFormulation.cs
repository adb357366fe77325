using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue31BudgetFormulation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    OrgUnitId = table.Column<int>(type: "int", nullable: false),
                    IsNew = table.Column<bool>(type: "bit", nullable: false),
                    Expenditure = table.Column<long>(type: "bigint", nullable: false),
                    National = table.Column<long>(type: "bigint", nullable: false),
                    Prefectural = table.Column<long>(type: "bigint", nullable: false),
                    Bonds = table.Column<long>(type: "bigint", nullable: false),
                    OtherSpecific = table.Column<long>(type: "bigint", nullable: false),
                    General = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRequests", x => x.Id);
                    table.CheckConstraint("CK_BudgetRequests_Funding", "\"National\" + \"Prefectural\" + \"Bonds\" + \"OtherSpecific\" + \"General\" = \"Expenditure\"");
                    table.ForeignKey(
                        name: "FK_BudgetRequests_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetRequests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Policy = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetStageCommits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    CommittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CommittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Lines = table.Column<int>(type: "int", nullable: false),
                    Expenditure = table.Column<long>(type: "bigint", nullable: false),
                    General = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetStageCommits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetStageCommits_OrgUnits_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetRestorations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetRequestId = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Granted = table.Column<long>(type: "bigint", nullable: true),
                    Answer = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRestorations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetRestorations_BudgetRequests_BudgetRequestId",
                        column: x => x.BudgetRequestId,
                        principalTable: "BudgetRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetStageEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetRequestId = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    Expenditure = table.Column<long>(type: "bigint", nullable: false),
                    National = table.Column<long>(type: "bigint", nullable: false),
                    Prefectural = table.Column<long>(type: "bigint", nullable: false),
                    Bonds = table.Column<long>(type: "bigint", nullable: false),
                    OtherSpecific = table.Column<long>(type: "bigint", nullable: false),
                    General = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CheckReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Committed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetStageEntries", x => x.Id);
                    table.CheckConstraint("CK_BudgetStageEntries_Funding", "\"National\" + \"Prefectural\" + \"Bonds\" + \"OtherSpecific\" + \"General\" = \"Expenditure\"");
                    table.ForeignKey(
                        name: "FK_BudgetStageEntries_BudgetRequests_BudgetRequestId",
                        column: x => x.BudgetRequestId,
                        principalTable: "BudgetRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetFrame",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetRoundId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    GeneralFund = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetFrame", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetFrame_BudgetRounds_BudgetRoundId",
                        column: x => x.BudgetRoundId,
                        principalTable: "BudgetRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetFrame_OrgUnits_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetRoundStage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetRoundId = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    InUse = table.Column<bool>(type: "bit", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetRoundId1 = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRoundStage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetRoundStage_BudgetRounds_BudgetRoundId",
                        column: x => x.BudgetRoundId,
                        principalTable: "BudgetRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetRoundStage_BudgetRounds_BudgetRoundId1",
                        column: x => x.BudgetRoundId1,
                        principalTable: "BudgetRounds",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetFrame_BudgetRoundId_DepartmentId",
                table: "BudgetFrame",
                columns: new[] { "BudgetRoundId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetFrame_DepartmentId",
                table: "BudgetFrame",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRequests_FiscalYear_OrgUnitId",
                table: "BudgetRequests",
                columns: new[] { "FiscalYear", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRequests_FiscalYear_ProjectId",
                table: "BudgetRequests",
                columns: new[] { "FiscalYear", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRequests_OrgUnitId",
                table: "BudgetRequests",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRequests_ProjectId",
                table: "BudgetRequests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRestorations_BudgetRequestId",
                table: "BudgetRestorations",
                column: "BudgetRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRounds_FiscalYear",
                table: "BudgetRounds",
                column: "FiscalYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRoundStage_BudgetRoundId_Stage",
                table: "BudgetRoundStage",
                columns: new[] { "BudgetRoundId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRoundStage_BudgetRoundId1",
                table: "BudgetRoundStage",
                column: "BudgetRoundId1");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetStageCommits_DepartmentId",
                table: "BudgetStageCommits",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetStageCommits_FiscalYear_Stage_DepartmentId",
                table: "BudgetStageCommits",
                columns: new[] { "FiscalYear", "Stage", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetStageEntries_BudgetRequestId_Stage",
                table: "BudgetStageEntries",
                columns: new[] { "BudgetRequestId", "Stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetFrame");

            migrationBuilder.DropTable(
                name: "BudgetRestorations");

            migrationBuilder.DropTable(
                name: "BudgetRoundStage");

            migrationBuilder.DropTable(
                name: "BudgetStageCommits");

            migrationBuilder.DropTable(
                name: "BudgetStageEntries");

            migrationBuilder.DropTable(
                name: "BudgetRounds");

            migrationBuilder.DropTable(
                name: "BudgetRequests");
        }
    }
}
