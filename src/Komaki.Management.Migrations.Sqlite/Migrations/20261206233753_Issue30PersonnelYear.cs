using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjustmentNote",
                table: "PersonnelEvaluations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedCompetenceGrade",
                table: "PersonnelEvaluations",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedPerformanceGrade",
                table: "PersonnelEvaluations",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedReason",
                table: "PersonnelEvaluations",
                type: "TEXT",
                maxLength: 2500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetenceGrade",
                table: "PersonnelComplaints",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PerformanceGrade",
                table: "PersonnelComplaints",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Draft",
                table: "EvaluationMarks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DraftResult",
                table: "EvaluationMarks",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
