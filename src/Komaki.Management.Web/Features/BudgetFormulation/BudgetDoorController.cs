using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// What 予算編成's controllers ask through the one door (the year's, the 部's and the request's rules) more than once.
public abstract class BudgetDoorController : AppController
{
    /// The lines the person may read (a 課's staff read their own 課's lines of the 部): the request's rule, line by line.
    protected async Task<List<FormulationLine>> ReadableAsync(IEnumerable<FormulationLine> lines)
    {
        var readable = new List<FormulationLine>();
        foreach (var line in lines)
        {
            if (await MayAsync(line.Request, RecordOperations.Read)) readable.Add(line);
        }
        return readable;
    }


    protected Task<bool> MayAsync(object record, string operation) => MayAsync(record, RecordOperations.Named(operation));
}
