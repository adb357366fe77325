using System.Reflection;
using Komaki.Management.Core;
using Komaki.Management.Core.Importing;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.Web.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Komaki.Management.IntegrationTests.Importing;

/// A sheet kind carries where its import returns to and who may import it (issue 28): the import screens read both
/// from the kind, so a new kind cannot be forgotten in a redirect switch or a permission list kept elsewhere.
public class SheetKindConventionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    public static TheoryData<string> Kinds => [.. SheetKinds.ForOperators.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_sheet_kind_names_a_page_that_takes_its_scope_and_who_may_import_it(string name)
    {
        var kind = SheetKinds.ForOperators[name];
        Assert.NotNull(kind.Access);
        Assert.NotNull(kind.AfterImport);
        var controller = typeof(ImportsController).Assembly.GetTypes()
            .SingleOrDefault(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract && t.Name == kind.AfterImport.Controller + "Controller");
        Assert.True(controller is not null, $"{name}: no controller {kind.AfterImport.Controller}");
        var actions = controller!.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == kind.AfterImport.Action && !m.GetCustomAttributes<HttpMethodAttribute>().Any(a => a.HttpMethods.Contains("POST"))).ToList();
        Assert.True(actions.Count > 0, $"{name}: {controller.Name} has no GET action {kind.AfterImport.Action}");
        // The scope reaches the page: a parameter of that name, or a property of a bound filter.
        var scope = kind.AfterImport.ScopeParameter;
        Assert.Contains(actions, a => a.GetParameters().Any(p => string.Equals(p.Name, scope, StringComparison.OrdinalIgnoreCase)
            || p.ParameterType.IsClass && p.ParameterType != typeof(string) && p.ParameterType.GetProperty(scope) is not null));
    }

    [Fact]
    public void The_import_screens_name_no_sheet_kind_of_their_own()
    {
        // Kind names loaded as strings (a redirect switch, a role list per kind) would be a second list to keep up to date.
        var names = SheetKinds.ForOperators.Keys.ToHashSet();
        var named = IlReader.MethodsOf(typeof(ImportsController)).SelectMany(m => IlReader.Read(m).Strings).Where(names.Contains).Distinct().ToList();
        Assert.Empty(named);
    }

    public static TheoryData<string> Exported => [.. SheetKinds.All.Values.Where(k => k.Export is not null).Select(k => k.Name)];

    /// Every export is kept between downloads under the areas its kind names (ImportsController): an export that reads
    /// a table outside them would hand out a file older than the last write, without a word.
    [Theory]
    [MemberData(nameof(Exported))]
    public void An_export_kept_between_downloads_names_the_data_area_of_every_table_it_reads(string name)
    {
        var kind = SheetKinds.All[name];
        Assert.True(kind.ExportAreas.Count > 0, $"{name}: its export names no data area (SheetKind.ExportAreas)");
        var starts = new[] { kind.Export!.Method, kind.ExportForReader?.Method }.OfType<MethodBase>();
        var (read, _) = TableReads.Of(starts);
        Assert.True(read.Count > 0, $"{name}: no table found — the walk no longer sees its reads");
        var unnamed = TableReads.Unnamed(read, [.. kind.ExportAreas, Core.Data.DataArea.Organization]);
        Assert.True(unnamed.Count == 0, $"{name}: its export is kept under {string.Join(", ", kind.ExportAreas)} but reads {string.Join(", ", unnamed)}");
    }

    /// The other half of keeping exports: a project renamed after a first download shows in the next, for every kind,
    /// downloaded for the whole city by someone who reads it all.
    [Theory]
    [MemberData(nameof(Exported))]
    public async Task Every_export_shows_a_write_made_after_the_first_download(string name)
    {
        var kind = SheetKinds.All[name];
        var reader = await app.SignedInAsync(kind.Access.CityWide ? "kikaku@komaki.example" : "zaisei@komaki.example");
        var year = name switch { "budget-request" => 2027, "evaluations" => 2025, _ => 2026 }; // a year the demo city has rows in
        var url = $"/Imports/{name}/{year}/Export";
        var first = Names(await reader.GetByteArrayAsync(url));
        Assert.Equal(first, Names(await reader.GetByteArrayAsync(url)));
        var project = app.WithDb(db => db.Projects.Where(p => first.Contains(p.Name)).OrderBy(p => p.Id).Select(p => p.Id).First());
        var renamed = app.WithDb(db =>
        {
            var p = db.Projects.Single(x => x.Id == project);
            p.Name += $"（{name} 改称）";
            db.SaveChanges();
            return p.Name;
        });
        Assert.Contains(renamed, Names(await reader.GetByteArrayAsync(url)));

        static HashSet<string> Names(byte[] file)
        {
            using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(file));
            return book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToHashSet();
        }
    }
}
