using Komaki.Management.Web.Features.Evaluations;

namespace Komaki.Management.Web.Features.Forum;

/// Hidden: the city's evaluation exists but is not yet published, so the reviewer sees the evidence only.
public sealed record ForumSheetModel(ForumSession Session, EvaluationSheet Sheet, bool EvaluationHidden);

public sealed record SessionFormModel(SessionForm Form, IReadOnlyList<AppUser> Candidates);
