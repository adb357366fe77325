using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SignedWordingSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreedServes",
                table: "PerformanceGoals",
                type: "nvarchar(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedCode",
                table: "GoalLinks",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedName",
                table: "GoalLinks",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreedServes",
                table: "PerformanceGoals");

            migrationBuilder.DropColumn(
                name: "AgreedCode",
                table: "GoalLinks");

            migrationBuilder.DropColumn(
                name: "AgreedName",
                table: "GoalLinks");
        }
    }
}
