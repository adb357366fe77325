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

    public static EffectPublicationRow Sum(string? department, IEnumerable<EffectPublicationRow> rows) =>
        EffectPublicationRow.Of(EffectRowKind.Department, department, null, "計", rows.Select(r => r.ToFigures()).Aggregate((x, y) => x.Add(y)));
}

/// The public page: the edition shown (null when nothing is published yet) and every edition for the history.
public sealed record PublicEffectModel(EffectPublication? Shown, IReadOnlyList<EffectPublication> Editions);
