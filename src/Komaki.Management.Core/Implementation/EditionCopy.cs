namespace Komaki.Management.Core.Implementation;

/// Rolling the plan forward: a new edition starts as the last one, moved on a year.
public static class EditionCopy
{
    /// Lines for the years both editions cover are copied as they are; the new last year starts from
    /// the previous edition's last year, as 継続 unless that year ended the project.
    public static ImplementationPlan StartFrom(ImplementationPlan previous, int fiscalYear, DateTime now)
    {
        var edition = new ImplementationPlan
        {
            FiscalYear = fiscalYear,
            Title = ImplementationPlan.DefaultTitle(fiscalYear),
            CopiedFromId = previous.Id,
            CreatedAt = now,
        };
        foreach (var line in previous.Lines.Where(l => edition.Covers(l.FiscalYear)))
        {
            edition.Lines.Add(CopyOf(line, line.FiscalYear, line.Status));
        }
        foreach (var line in previous.Lines.Where(l => l.FiscalYear == previous.LastYear && l.Status != ImplementationStatus.Ended))
        {
            for (var year = previous.LastYear + 1; year <= edition.LastYear; year++)
            {
                if (edition.Lines.Any(l => l.ProjectId == line.ProjectId && l.FiscalYear == year)) continue;
                edition.Lines.Add(CopyOf(line, year, ImplementationStatus.Continuing));
            }
        }
        return edition;
    }

    private static ImplementationPlanLine CopyOf(ImplementationPlanLine line, int year, ImplementationStatus status) => new()
    {
        ProjectId = line.ProjectId,
        FiscalYear = year,
        Status = status == ImplementationStatus.New ? ImplementationStatus.Continuing : status,
        Content = line.Content,
        Cost = line.Cost,
        Funding = line.Funding,
    };
}
