using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImprovementConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AgainstVerdict",
                table: "ImprovementActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmNote",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviationReason",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProposedAt",
                table: "ImprovementActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByUser",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgainstVerdict",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "ConfirmNote",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "DeviationReason",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "ProposedByUser",
                table: "ImprovementActions");
        }
    }
}
