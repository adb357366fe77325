using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core;

/// Every sheet staff exchange in Excel, each declared by its own feature beside its import and export. This
/// registry sits above the features so that the import pipeline (Core/Importing) needs none of them.
public static class SheetKinds
{
    public static readonly IReadOnlyDictionary<string, SheetKind> All = new SheetKind[]
    {
        ImplementationPlanImport.Sheet, ExecutionPlanImport.Sheet, Manifesto.ManifestoImport.Sheet, LegacyEvaluationImport.Sheet, SurveyImport.Sheet,
        BudgetFormulation.BudgetRequestImport.Sheet,
    }.ToDictionary(k => k.Name);

    /// What the operator's command line imports: the sheets above and the staff register, which only the personnel
    /// division and operators handle (it is not offered on the planning import screen).
    public static readonly IReadOnlyDictionary<string, SheetKind> ForOperators =
        All.Values.Append(Personnel.StaffImport.Sheet).ToDictionary(k => k.Name);
}
