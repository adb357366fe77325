using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komaki.Management.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExternalReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ForumSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForumProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityResponse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumProjects_ForumSessions_ForumSessionId",
                        column: x => x.ForumSessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumProjects_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ForumReviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumReviewers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ForumReviewers_ForumSessions_ForumSessionId",
                        column: x => x.ForumSessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerVerdicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewerVerdicts_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewerVerdicts_ForumProjects_ForumProjectId",
                        column: x => x.ForumProjectId,
                        principalTable: "ForumProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForumProjects_ForumSessionId_ProjectId",
                table: "ForumProjects",
                columns: new[] { "ForumSessionId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumProjects_ProjectId",
                table: "ForumProjects",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumReviewers_ForumSessionId_UserId",
                table: "ForumReviewers",
                columns: new[] { "ForumSessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumReviewers_UserId",
                table: "ForumReviewers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerVerdicts_ForumProjectId_ReviewerUserId",
                table: "ReviewerVerdicts",
                columns: new[] { "ForumProjectId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerVerdicts_ReviewerUserId",
                table: "ReviewerVerdicts",
                column: "ReviewerUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForumReviewers");

            migrationBuilder.DropTable(
                name: "ReviewerVerdicts");

            migrationBuilder.DropTable(
                name: "ForumProjects");

            migrationBuilder.DropTable(
                name: "ForumSessions");
        }
    }
}
