using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CityLabelsAndImportMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectionChoices",
                columns: table => new
                {
                    Code = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    InUse = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectionChoices", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "LabelMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Value = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitNameMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OrgUnitId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitNameMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitNameMappings_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DirectionChoices",
                columns: new[] { "Code", "InUse", "Label", "SortOrder", "Version" },
                values: new object[,]
                {
                    { 1, true, "拡大", 1, 0 },
                    { 2, true, "維持", 2, 0 },
                    { 3, false, "改善", 6, 0 },
                    { 4, true, "縮小", 3, 0 },
                    { 5, false, "統合", 7, 0 },
                    { 6, true, "廃止", 4, 0 },
                    { 7, false, "完了", 8, 0 },
                    { 8, true, "廃止→新規", 5, 0 }
                });

            migrationBuilder.InsertData(
                table: "LabelMappings",
                columns: new[] { "Id", "Key", "Kind", "Label", "Value", "Version" },
                values: new object[,]
                {
                    { 1, "拡充", 1, "拡充", 1, 0 },
                    { 2, "現状維持", 1, "現状維持", 2, 0 },
                    { 3, "継続", 1, "継続", 2, 0 },
                    { 4, "現行どおり", 1, "現行どおり", 2, 0 },
                    { 5, "改革改善", 1, "改革改善", 3, 0 },
                    { 6, "改革改善(縮小・統合含む)", 1, "改革改善（縮小・統合含む）", 3, 0 },
                    { 7, "休止", 1, "休止", 6, 0 },
                    { 8, "休止・廃止", 1, "休止・廃止", 6, 0 },
                    { 9, "休廃止", 1, "休廃止", 6, 0 },
                    { 10, "終了・廃止・休止", 1, "終了・廃止・休止", 6, 0 },
                    { 11, "終了", 1, "終了", 7, 0 },
                    { 12, "中止", 3, "中止", 5, 0 },
                    { 13, "休止", 3, "休止", 5, 0 },
                    { 14, "A(高い)", 4, "A（高い）", 1, 0 },
                    { 15, "B(普通)", 4, "B（普通）", 2, 0 },
                    { 16, "C(低い)", 4, "C（低い）", 3, 0 },
                    { 17, "結びついている", 4, "結びついている", 1, 0 },
                    { 18, "妥当である", 4, "妥当である", 1, 0 },
                    { 19, "適切である", 4, "適切である", 1, 0 },
                    { 20, "向上余地がない", 4, "向上余地がない", 1, 0 },
                    { 21, "向上余地がある", 4, "向上余地がある", 2, 0 },
                    { 22, "削減余地がない", 4, "削減余地がない", 1, 0 },
                    { 23, "削減余地がある", 4, "削減余地がある", 2, 0 },
                    { 24, "公平・公正である", 4, "公平・公正である", 1, 0 },
                    { 25, "見直し余地がある", 4, "見直し余地がある", 2, 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabelMappings_Kind_Key",
                table: "LabelMappings",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitNameMappings_Key",
                table: "UnitNameMappings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitNameMappings_OrgUnitId",
                table: "UnitNameMappings",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectionChoices");

            migrationBuilder.DropTable(
                name: "LabelMappings");

            migrationBuilder.DropTable(
                name: "UnitNameMappings");
        }
    }
}
