using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
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
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishFindings",
                table: "ProjectEvaluations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedSheet",
                table: "ProjectEvaluations",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseNote",
                table: "ForumSessions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResultsSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Edition = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Report = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsSubmissions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResultsSubmissions_FiscalYear_Edition",
                table: "ResultsSubmissions",
                columns: new[] { "FiscalYear", "Edition" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResultsSubmissions");

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
