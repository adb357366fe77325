using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AsPublishedDirection",
                table: "MeasureEvaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "MeasureEvaluations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "MeasureEvaluations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AsPublished",
                table: "ManifestoProgress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AsPublishedStatus",
                table: "ManifestoProgress",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "ManifestoProgress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "ManifestoProgress",
                type: "TEXT",
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
