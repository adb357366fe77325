namespace Komaki.Management.Core.Importing;

/// What an import writes into: a fiscal year (and for the 実施計画, the edition starting that year) or a mayoral term.
public enum SheetScope
{
    FiscalYear,
    MayorTerm,
}

/// The sheets staff exchange in Excel, by the name used in URLs and by the CLI (`komaki import implementation-plan`).
public sealed record SheetKind(
    string Name, string Label,
    Func<ImportContext, ISheetImport>? Import,
    Func<AppDbContext, int, Stream, IReadOnlySet<int>?, Task<bool>>? Export,
    Func<int, string> FileName,
    SheetScope Scope = SheetScope.FiscalYear)
{
    public const string ImplementationPlan = "implementation-plan";
    public const string ExecutionPlan = "execution-plan";
    public const string Manifesto = "manifesto";
    public const string Survey = "survey";
    public const string Evaluations = "evaluations";

    public static readonly IReadOnlyDictionary<string, SheetKind> All = new Dictionary<string, SheetKind>
    {
        [ImplementationPlan] = new(ImplementationPlan, "実施計画",
            context => new ImplementationPlanImport(context),
            (db, year, output, units) => ImplementationPlanExport.WriteAsync(db, year, output, units),
            year => $"実施計画_{Wareki.FiscalYearShort(year)}.xlsx"),
        [ExecutionPlan] = new(ExecutionPlan, "主要事業実行計画",
            context => new ExecutionPlanImport(context),
            async (db, year, output, units) =>
            {
                await ExecutionPlanExport.WriteAsync(db, year, output, units);
                return true;
            },
            year => $"主要事業実行計画_{Wareki.FiscalYearShort(year)}.xlsx"),
        [Manifesto] = new(Manifesto, "マニフェスト",
            context => new Manifesto.ManifestoImport(context), null, _ => "", SheetScope.MayorTerm),
        [Evaluations] = new(Evaluations, "事務事業評価（前システムから）",
            context => new Evaluation.LegacyEvaluationImport(context),
            (db, year, output, _) => Evaluation.EvaluationExport.WriteAsync(db, year, output),
            year => $"事務事業評価_{Wareki.FiscalYearShort(year)}.xlsx"),
        [Survey] = new(Survey, "市民意識調査の結果",
            context => new CitizenVoice.SurveyImport(context), null, _ => ""),
    };
}
