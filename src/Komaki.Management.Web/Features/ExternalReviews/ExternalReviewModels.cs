using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Features.Evaluations;

namespace Komaki.Management.Web.Features.ExternalReviews;

/// Hidden: the city's evaluation exists but is not yet published, so the reviewer sees the evidence only.
public sealed record ExternalReviewSheetModel(ExternalReview Session, EvaluationSheet Sheet, bool EvaluationHidden);

public sealed record SessionFormModel(SessionForm Form, IReadOnlyList<AppUser> Candidates);
