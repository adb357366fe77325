using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Edition = table.Column<int>(type: "int", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Correction = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EffectPublicationRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EffectPublicationId = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Department = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Verdict = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    VerdictCode = table.Column<int>(type: "int", nullable: true),
                    Projects = table.Column<int>(type: "int", nullable: false),
                    Base = table.Column<long>(type: "bigint", nullable: false),
                    Requested = table.Column<long>(type: "bigint", nullable: true),
                    Assessed = table.Column<long>(type: "bigint", nullable: true),
                    Initial = table.Column<long>(type: "bigint", nullable: true),
                    Settled = table.Column<long>(type: "bigint", nullable: true),
                    RequestedGeneral = table.Column<long>(type: "bigint", nullable: true),
                    AssessedGeneral = table.Column<long>(type: "bigint", nullable: true),
                    SettledGeneral = table.Column<long>(type: "bigint", nullable: true),
                    PersonYears = table.Column<decimal>(type: "decimal(11,2)", precision: 11, scale: 2, nullable: false),
                    NextPersonYears = table.Column<decimal>(type: "decimal(11,2)", precision: 11, scale: 2, nullable: true)
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
