namespace Komaki.Management.Core.Common;

/// A record agreed, confirmed or signed by people who read words of other records on it (the 組織目標 a 業績目標
/// serves, the measure an 組織目標 serves). From that step on it shows those words as they read when it was signed —
/// a snapshot kept on the record — and today's wording only beside them, marked as changed since. SignedWordingTests
/// signs every kind, renames what it shows, and reads the signed page again.
public interface ISigned
{
    /// The step that signs it has been taken.
    bool IsSigned { get; }
}
