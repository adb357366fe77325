using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
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
                type: "nvarchar(1000)",
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
