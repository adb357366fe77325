namespace Komaki.Management.Core.Common;

/// A record two people may edit at once. Version is the optimistic concurrency token:
/// the database refuses an update whose Version is not the one the editor started from.
public interface IVersioned
{
    int Version { get; set; }
}
