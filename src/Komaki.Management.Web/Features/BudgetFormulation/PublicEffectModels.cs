using Komaki.Management.Core.BudgetFormulation;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// The published 評価の効き目 tables, as citizens read them and as the 財政課 sees them before publishing: Year is the
/// base budget's year (the evaluation year N), Evaluated the ProjectEvaluation.FiscalYear whose verdicts were counted.
public sealed record PublishedEffectTables(int Year, int Evaluated, IReadOnlyList<EffectPublicationRow> Rows)
{
    /// Whether each 部's rows by verdict are shown (the public page); the confirmation shows their totals and counts them.
    public bool Detail { get; init; } = true;

    public IEnumerable<EffectPublicationRow> City => Rows.Where(r => r.Kind == EffectRowKind.City);

    public EffectPublicationRow? Total => Rows.FirstOrDefault(r => r.Kind == EffectRowKind.Total);

    public IEnumerable<EffectPublicationRow> Departments => Rows.Where(r => r.Kind == EffectRowKind.Department);

    /// Each 部's rows added up, in the order the 部 appear.
    public IReadOnlyList<EffectPublicationRow> DepartmentTotals => Departments.GroupBy(r => r.Department).Select(g => Sum(g.Key, g)).ToList();

    public static EffectPublicationRow Sum(string? department, IEnumerable<EffectPublicationRow> rows)
    {
        static long? Add(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
        return rows.Aggregate(new EffectPublicationRow { Kind = EffectRowKind.Department, Department = department, Verdict = "計" }, (s, r) =>
        {
            s.Projects += r.Projects;
            s.Base += r.Base;
            s.Requested = Add(s.Requested, r.Requested);
            s.Assessed = Add(s.Assessed, r.Assessed);
            s.Initial = Add(s.Initial, r.Initial);
            s.Settled = Add(s.Settled, r.Settled);
            s.RequestedGeneral = Add(s.RequestedGeneral, r.RequestedGeneral);
            s.AssessedGeneral = Add(s.AssessedGeneral, r.AssessedGeneral);
            s.SettledGeneral = Add(s.SettledGeneral, r.SettledGeneral);
            s.PersonYears += r.PersonYears;
            s.NextPersonYears = s.NextPersonYears is null && r.NextPersonYears is null ? null : (s.NextPersonYears ?? 0) + (r.NextPersonYears ?? 0);
            return s;
        });
    }
}

/// The public page: the edition shown (null when nothing is published yet) and every edition for the history.
public sealed record PublicEffectModel(EffectPublication? Shown, IReadOnlyList<EffectPublication> Editions);
