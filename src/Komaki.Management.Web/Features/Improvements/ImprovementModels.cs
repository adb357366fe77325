using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Features.Improvements;

public sealed record ImprovementListModel(int? UnitId, ImprovementState? State, Paged<ImprovementAction> Rows, IReadOnlyList<(int UnitId, string Unit, int Open, int OldestDays)> ByUnit,
    IReadOnlyList<SelectListItem> Units, OrgTree Org, DateTime Now);

public sealed record ImprovementDetailsModel(ImprovementAction Action, string Unit, IReadOnlyList<AnswerOption> PlanLines, IReadOnlyList<AnswerOption> BudgetLines, bool CanAnswer, bool CanReopen, bool CanConfirm, DateTime Now,
    bool Closing = false);
