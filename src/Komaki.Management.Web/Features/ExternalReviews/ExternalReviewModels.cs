using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Features.Evaluations;

namespace Komaki.Management.Web.Features.ExternalReviews;

/// Hidden: the city's evaluation exists but is not yet published, so the reviewer sees the evidence only.
public sealed record ExternalReviewSheetModel(ExternalReview Session, EvaluationSheet Sheet, bool EvaluationHidden);

/// The sessions the reader sees (a reviewer only those they sit on: AssignedOnly), and whether they may register one.
public sealed record ExternalReviewListModel(IReadOnlyList<ExternalReview> Sessions, bool MayCreate, bool AssignedOnly);

public sealed record SessionFormModel(SessionForm Form, IReadOnlyList<AppUser> Candidates);
