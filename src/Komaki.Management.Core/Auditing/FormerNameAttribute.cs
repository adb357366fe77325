namespace Komaki.Management.Core.Auditing;

/// The name an audited entity or property had when earlier entries of the audit trail were written: the trail is
/// never rewritten, so its readers translate the old names (FormerNames).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class FormerNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
