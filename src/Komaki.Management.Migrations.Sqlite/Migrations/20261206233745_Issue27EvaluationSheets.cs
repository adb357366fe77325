using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue27EvaluationSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishExplanation",
                table: "ProjectEvaluations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishFindings",
                table: "ProjectEvaluations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedSheet",
                table: "ProjectEvaluations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseNote",
                table: "ForumSessions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishExplanation",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "PublishFindings",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "PublishedSheet",
                table: "ProjectEvaluations");

            migrationBuilder.DropColumn(
                name: "CloseNote",
                table: "ForumSessions");
        }
    }
}
