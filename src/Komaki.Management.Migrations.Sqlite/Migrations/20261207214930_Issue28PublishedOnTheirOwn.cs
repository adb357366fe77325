using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue28PublishedOnTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AsPublished",
                table: "ManifestoItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "ManifestoItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "ManifestoItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AsPublished",
                table: "CitizenInputs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "CitizenInputs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "CitizenInputs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AsPublished",
                table: "ManifestoItems");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "ManifestoItems");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "ManifestoItems");

            migrationBuilder.DropColumn(
                name: "AsPublished",
                table: "CitizenInputs");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "CitizenInputs");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "CitizenInputs");
        }
    }
}
