using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ManifestoItemNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ManifestoItems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                table: "ManifestoItems");
        }
    }
}
