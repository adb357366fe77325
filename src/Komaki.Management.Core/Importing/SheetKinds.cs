using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Implementation;

namespace Komaki.Management.Core.Importing;

/// The sheets staff exchange in Excel, by the name used in URLs and by the CLI (`komaki import implementation-plan`).
public sealed record SheetKind(
    string Name, string Label,
    Func<AppDbContext, ExcelLimits, ISheetImport> Import,
    Func<AppDbContext, int, Stream, Task<bool>> Export,
    Func<int, string> FileName)
{
    public const string ImplementationPlan = "implementation-plan";
    public const string ExecutionPlan = "execution-plan";

    public static readonly IReadOnlyDictionary<string, SheetKind> All = new Dictionary<string, SheetKind>
    {
        [ImplementationPlan] = new(ImplementationPlan, "実施計画",
            (db, limits) => new ImplementationPlanImport(db, limits),
            (db, year, output) => ImplementationPlanExport.WriteAsync(db, year, output),
            year => $"実施計画_{Wareki.FiscalYearShort(year)}.xlsx"),
        [ExecutionPlan] = new(ExecutionPlan, "主要事業実行計画",
            (db, limits) => new ExecutionPlanImport(db, limits),
            async (db, year, output) =>
            {
                await ExecutionPlanExport.WriteAsync(db, year, output);
                return true;
            },
            year => $"主要事業実行計画_{Wareki.FiscalYearShort(year)}.xlsx"),
    };
}
