using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue31EffectPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EffectPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EffectPublicationRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectPublicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VerdictCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Projects = table.Column<int>(type: "INTEGER", nullable: false),
                    Base = table.Column<long>(type: "INTEGER", nullable: false),
                    Requested = table.Column<long>(type: "INTEGER", nullable: true),
                    Assessed = table.Column<long>(type: "INTEGER", nullable: true),
                    Initial = table.Column<long>(type: "INTEGER", nullable: true),
                    Settled = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedGeneral = table.Column<long>(type: "INTEGER", nullable: true),
                    AssessedGeneral = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledGeneral = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonYears = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    NextPersonYears = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectPublicationRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EffectPublicationRows_EffectPublications_EffectPublicationId",
                        column: x => x.EffectPublicationId,
                        principalTable: "EffectPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EffectPublicationRows_EffectPublicationId_SortOrder",
                table: "EffectPublicationRows",
                columns: new[] { "EffectPublicationId", "SortOrder" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EffectPublications_FiscalYear_Edition",
                table: "EffectPublications",
                columns: new[] { "FiscalYear", "Edition" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EffectPublicationRows");

            migrationBuilder.DropTable(
                name: "EffectPublications");
        }
    }
}
