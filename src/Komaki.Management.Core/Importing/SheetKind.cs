using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Importing;

/// What an import writes into: a fiscal year (and for the 実施計画, the edition starting that year) or a mayoral term.
public enum SheetScope
{
    FiscalYear,
    MayorTerm,
}

/// The page an import returns to once confirmed: a controller's action given the year (or term) by this parameter.
public sealed record SheetRoute(string Controller, string Action, string ScopeParameter);

/// Who may import a sheet: planning (and administrators) for the whole city when CityWide, and people in UnitRoles for
/// their own unit and the units under it, each row checked against those units. ReadsCity, when set, is who may export
/// the whole city's sheet (the unit importers export their own); without it every member of staff may.
public sealed record SheetAccess(bool CityWide, IReadOnlyList<string> UnitRoles)
{
    public static readonly SheetAccess Planning = new(true, []);

    public Func<Actor, bool>? ReadsCity { get; init; }

    public bool ImportsCity(Actor actor) => CityWide && actor.IsPlanMasterEditor;

    public bool ImportsOwnUnit(Actor actor) => actor.UnitId is not null && UnitRoles.Any(actor.IsIn);

    public bool MayImport(Actor actor) => ImportsCity(actor) || ImportsOwnUnit(actor);

    public bool ExportsCity(Actor actor) => ReadsCity?.Invoke(actor) ?? true;

    /// What a page offers the person for this sheet, as the import and export steps decide it: a page shows the
    /// links and their wording from this, never from the person's roles.
    public SheetOffer OfferTo(Actor actor) =>
        new(MayImport(actor), MayImport(actor) || ExportsCity(actor), !ImportsCity(actor) && ImportsOwnUnit(actor));
}

/// The import and export links a page shows for one sheet: whether each is accepted, and whether both are for the
/// person's own unit (and the units under it) only.
public sealed record SheetOffer(bool Imports, bool Exports, bool OwnUnitOnly);

/// The sheets staff exchange in Excel, by the name used in URLs and by the CLI (`komaki import implementation-plan`).
/// Each carries where its import returns to and who may import it, so neither is a list kept elsewhere.
public sealed record SheetKind(
    string Name, string Label,
    Func<ImportContext, ISheetImport>? Import,
    Func<AppDbContext, int, Stream, IReadOnlySet<int>?, Task<bool>>? Export,
    Func<int, string> FileName,
    SheetRoute AfterImport,
    SheetAccess Access,
    SheetScope Scope = SheetScope.FiscalYear)
{
    public const string ImplementationPlan = "implementation-plan";
    public const string ExecutionPlan = "execution-plan";
    public const string Manifesto = "manifesto";
    public const string Survey = "survey";
    public const string Evaluations = "evaluations";

    /// Where the sheet can be imported into, for a screen to offer (the mayoral terms for the manifesto); null for fiscal
    /// years, offered up to three ahead of the current one.
    public Func<AppDbContext, CancellationToken, Task<List<(int Value, string Text)>>>? Scopes { get; init; }

    /// The export for one reader, when what a reader may see is not a matter of units (the evaluation sheets are each a
    /// person's to read); null when Export, given the reader's units, is the whole story.
    public Func<AppDbContext, int, Stream, Actor, OrgTree, Task<bool>>? ExportForReader { get; init; }

    /// The data areas (DataArea) its export reads: a file is written once per version of them and kept, so a city's
    /// sheet that many download is written again only after a write to what it shows (SheetKindConventionTests
    /// checks the export reads no table outside them).
    public IReadOnlyCollection<string> ExportAreas { get; init; } = [];

    /// Whether its export is its import's layout, so a file exported and read back changes nothing (the cross-kind
    /// import tests transform such exports and read them back).
    public bool RoundTrips { get; init; }
}
