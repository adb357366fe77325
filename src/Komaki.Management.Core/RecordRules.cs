using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.Core;

/// The record rules asked outside a web request's door: an import asks, for each record a row would change, the rule
/// the record's form asks on its POST (IRecordRule), so a file can do no more than the form and is refused with the
/// same reason.
public sealed class RecordRules(IServiceProvider services)
{
    /// Null when the person may; otherwise the rule's reason. A record kind without a rule is refused.
    public Task<string?> RefusalAsync<T>(RuleAsker asker, T record, string operation) where T : class =>
        services.GetService<IRecordRule<T>>() is { } rule ? rule.RefusalAsync(asker, record, operation) : Task.FromResult<string?>(RecordOperation.NotYours);
}
