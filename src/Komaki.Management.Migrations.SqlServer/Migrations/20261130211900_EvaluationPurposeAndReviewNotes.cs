using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationPurposeAndReviewNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FirstReviewExplanation",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstReviewFindings",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Means",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PurposeIntent",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PurposeTarget",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondReviewExplanation",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondReviewFindings",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstReviewExplanation",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "FirstReviewFindings",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "Means",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "PurposeIntent",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "PurposeTarget",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "SecondReviewExplanation",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "SecondReviewFindings",
                table: "ProjectEvaluations");
        }
    }
}
