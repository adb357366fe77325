using System.Net;
using System.Reflection;
using Komaki.Management.Cli;
using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Komaki.Management.IntegrationTests.Evaluations;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Plans;

/// Every door through which an indicator's actual can be written, found in the compiled code rather than listed by
/// hand, and each one driven against a published actual: only Indicator.Enter writes values, and whatever calls it —
/// the values form, an import kind (on screen and from the command line) — obeys the published-actual rule.
public class IndicatorDoorsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";

    private static readonly Assembly[] Code = [typeof(IUseCase).Assembly, typeof(AppController).Assembly, typeof(KomakiCli).Assembly];

    /// "Type.Method" of every method in the app that calls one of the given members (closures and async bodies
    /// counted as their method).
    private static SortedSet<string> Callers(params MethodBase[] members) =>
        new(Code.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested).SelectMany(IlReader.MethodsOf)
            .Where(m => IlReader.Read(m).Calls.Any(members.Contains))
            .Select(m => $"{IlReader.OuterType(m).Name}.{IlReader.SourceName(m)}"), StringComparer.Ordinal);

    [Fact]
    public void Only_the_indicator_writes_actuals_and_every_door_to_it_is_driven_by_the_test_below()
    {
        var writes = new MethodBase[]
        {
            typeof(IndicatorValue).GetProperty(nameof(IndicatorValue.Actual))!.SetMethod!,
            typeof(Indicator).GetMethod(nameof(Indicator.SetValue))!,
        };
        // Besides the indicator's own entry, only demo data writes values — the demo city is seeded into an empty
        // database, and the large city gives values only to indicators it has just made, so nothing is published yet —
        // and two public reads that blank or restore actuals on copies read without tracking, which are never saved.
        var outside = Callers(writes).Where(c => !c.StartsWith($"{nameof(Indicator)}.", StringComparison.Ordinal))
            .Where(c => !Code[0].GetTypes().Any(t => t.Name == c.Split('.')[0] && t.Namespace == "Komaki.Management.Core.Data.Seeding")).ToList();
        Assert.Equal(["EvaluationSheets.AsPublished", "PublicData.IndicatorsAsync"], outside);

        var doors = Callers(typeof(Indicator).GetMethod(nameof(Indicator.Enter))!);
        Assert.Equal(Doors, doors);
        // Of the import kinds, the doors name those that write actuals; the screen and the command line both run them
        // from the one registry of sheet kinds, and the command line writes no value of its own (it is in Code above).
        var importKinds = Code[0].GetTypes().Where(t => typeof(SheetImport).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.Name).ToList();
        Assert.Equal([nameof(LegacyEvaluationImport)], doors.Select(d => d.Split('.')[0]).Intersect(importKinds));
        Assert.Contains(LegacyEvaluationImport.Sheet, SheetKinds.ForOperators.Values);
    }

    /// The doors the compiled code has, each proved below against a published actual.
    private static readonly SortedSet<string> Doors = new(StringComparer.Ordinal)
    {
        "IndicatorCommands.SaveValuesAsync",    // the values form
        "LegacyEvaluationImport.ApplyIndicators", // the evaluation-history import, on screen and from the command line
    };

    [Fact]
    public async Task Each_door_leaves_a_published_actual_alone_unless_planning_corrects_it_with_a_reason()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofunato-jimujigyo-hyoka-R7.xlsx");
        var file = await File.ReadAllBytesAsync(path);
        var preview = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, LegacyEvaluationImportTests.InThousands);
        var register = LegacyEvaluationImportTests.InThousands with { Units = preview.UnmappedUnits.ToDictionary(u => u.ChoiceKey, _ => UnitChoice.Create) };
        Assert.True((await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true, register)).Applied);
        // Planning publishes 令和2年度 with the value entered as 10 (the sheet says 11).
        var (indicatorId, valueId) = app.WithDb(db =>
        {
            var value = db.IndicatorValues.Single(v => v.FiscalYear == 2020 && v.Indicator!.Name == "啓発看板の設置基数" && v.Indicator.Project!.Code == "0086");
            value.Actual = 10;
            db.Publications.Add(new Publication { Kind = PublicationKind.IndicatorActuals, FiscalYear = 2020, PublishedAt = DateTime.UtcNow, PublishedBy = Planning });
            db.SaveChanges();
            return (value.IndicatorId, value.Id);
        });
        IndicatorValue Stored() => app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.Id == valueId));
        const string Refusal = "指標「啓発看板の設置基数」の令和2年度（10 → 11）の実績値は公表済みです";

        // Door: the evaluation import, as the screen's confirmation runs it.
        var imported = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true, LegacyEvaluationImportTests.InThousands);
        Assert.False(imported.Applied);
        Assert.Contains(imported.Refused, r => r.Reason.Contains(Refusal, StringComparison.Ordinal));
        Assert.Equal(10m, Stored().Actual);

        // The same door from the command line.
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KomakiCli.RunAsync(["import", "evaluations", "--latest-year", "2025", "--amount-unit", "千円", path,
            "--provider", "Sqlite", "--connection", app.ConnectionString], output, error, new StringReader(""));
        Assert.Equal(1, code);
        Assert.Contains(Refusal, error.ToString());
        Assert.Contains("取り込めない行があるため、何も書き込んでいません。", output.ToString());
        Assert.Equal(10m, Stored().Actual);

        // Door: the values form. Without a reason planning's change is refused beside the reason field.
        var planning = await app.SignedInAsync(Planning);
        var url = $"/Indicators/{indicatorId}/Values";
        var html = await planning.GetStringAsync(url);
        var noReason = await planning.PostAsync(url, ValuesForm(html, 2020, "11", reason: null));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(IndicatorValueRules.ReasonRequiredMessage, WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal((10m, (DateTime?)null), (Stored().Actual!.Value, Stored().CorrectedAt));
        // With one it is a correction, and the value as published stays beside it (公表時 / 訂正).
        var corrected = await planning.PostAsync(url, ValuesForm(html, 2020, "11", "前システムの集計を反映"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var value = Stored();
        Assert.Equal((11m, 10m, "前システムの集計を反映"), (value.Actual!.Value, value.PublishedActual!.Value, value.CorrectionReason));
        Assert.NotNull(value.CorrectedAt);

        // Corrected, the import agrees with the record and passes it by.
        Assert.DoesNotContain((await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, LegacyEvaluationImportTests.InThousands)).Refused,
            r => r.Reason.Contains("啓発看板の設置基数", StringComparison.Ordinal));
    }

    /// The values form as shown, with one year's actual changed.
    private static FormUrlEncodedContent ValuesForm(string html, int year, string actual, string? reason)
    {
        var fields = HtmlForms.Fields(html);
        var key = fields.Single(f => f.Key.EndsWith(".FiscalYear", StringComparison.Ordinal) && f.Value == year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Key;
        fields[$"{key[..^".FiscalYear".Length]}.Actual"] = actual;
        if (reason is not null) fields["CorrectionReason"] = reason;
        return KomakiFactory.Form(KomakiFactory.TokenIn(html), [.. fields.Select(f => (f.Key, f.Value))]);
    }
}
