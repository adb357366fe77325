using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.SqlServer.Migrations
{
    /// <summary>評価の効き目 compares like with like: each published row keeps what each column was compared with and the
    /// projects left out (未要求・未決算 …) — rows published before keep these null and show what they showed; and a
    /// stage commit keeps the 部's active projects left without a request, with the reason (予算案).</summary>
    public partial class Round12EffectLikeWithLike : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AssessedCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssessedGeneralCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssessedGeneralMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssessedGeneralMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssessedMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssessedMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BaseGeneral",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InitialCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InitialMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InitialMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RequestedCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RequestedGeneralCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestedGeneralMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RequestedGeneralMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestedMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RequestedMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledGeneralCompared",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SettledGeneralMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledGeneralMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SettledMissing",
                table: "EffectPublicationRows",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledMissingBase",
                table: "EffectPublicationRows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unrequested",
                table: "BudgetStageCommits",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnrequestedReason",
                table: "BudgetStageCommits",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AssessedCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "AssessedGeneralCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "AssessedGeneralMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "AssessedGeneralMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "AssessedMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "AssessedMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "BaseGeneral",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "InitialCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "InitialMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "InitialMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "RequestedCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "RequestedGeneralCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "RequestedGeneralMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "RequestedGeneralMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "RequestedMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "RequestedMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "SettledCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "SettledGeneralCompared",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "SettledGeneralMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "SettledGeneralMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "SettledMissing",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "SettledMissingBase",
                table: "EffectPublicationRows");

            migrationBuilder.DropColumn(
                name: "Unrequested",
                table: "BudgetStageCommits");

            migrationBuilder.DropColumn(
                name: "UnrequestedReason",
                table: "BudgetStageCommits");
        }
    }
}
