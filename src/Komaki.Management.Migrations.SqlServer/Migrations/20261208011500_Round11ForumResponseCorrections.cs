using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Round11ForumResponseCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AsPublished",
                table: "ForumProjects",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "ForumProjects",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "ForumProjects",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResponsePublishedAt",
                table: "ForumProjects",
                type: "datetime2",
                nullable: true);

            // A response already given on a closed session is on the public site: from now on it changes only as a 訂正.
            migrationBuilder.Sql("UPDATE ForumProjects SET ResponsePublishedAt = SYSUTCDATETIME() WHERE CityResponse IS NOT NULL AND ForumSessionId IN (SELECT Id FROM ForumSessions WHERE IsClosed = 1)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AsPublished",
                table: "ForumProjects");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "ForumProjects");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "ForumProjects");

            migrationBuilder.DropColumn(
                name: "ResponsePublishedAt",
                table: "ForumProjects");
        }
    }
}
