using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue26PolicyConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingConfirmation",
                table: "ControlPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "ControlPolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedById",
                table: "ControlPolicies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByName",
                table: "ControlPolicies",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedById",
                table: "ControlPolicies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByName",
                table: "ControlPolicies",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitingConfirmation",
                table: "ControlPolicies");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "ControlPolicies");

            migrationBuilder.DropColumn(
                name: "ConfirmedById",
                table: "ControlPolicies");

            migrationBuilder.DropColumn(
                name: "ConfirmedByName",
                table: "ControlPolicies");

            migrationBuilder.DropColumn(
                name: "ProposedById",
                table: "ControlPolicies");

            migrationBuilder.DropColumn(
                name: "ProposedByName",
                table: "ControlPolicies");
        }
    }
}
