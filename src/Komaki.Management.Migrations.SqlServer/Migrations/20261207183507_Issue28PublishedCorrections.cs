using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue28PublishedCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AsPublished",
                table: "MeasureEvaluations",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AsPublishedDirection",
                table: "MeasureEvaluations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "MeasureEvaluations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "MeasureEvaluations",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AsPublished",
                table: "ManifestoProgress",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AsPublishedStatus",
                table: "ManifestoProgress",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "ManifestoProgress",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "ManifestoProgress",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AsPublished",
                table: "MeasureEvaluations");

            migrationBuilder.DropColumn(
                name: "AsPublishedDirection",
                table: "MeasureEvaluations");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "MeasureEvaluations");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "MeasureEvaluations");

            migrationBuilder.DropColumn(
                name: "AsPublished",
                table: "ManifestoProgress");

            migrationBuilder.DropColumn(
                name: "AsPublishedStatus",
                table: "ManifestoProgress");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "ManifestoProgress");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "ManifestoProgress");
        }
    }
}
