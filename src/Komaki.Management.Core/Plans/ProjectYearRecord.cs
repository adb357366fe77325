namespace Komaki.Management.Core.Plans;

/// A record of one 事務事業 in one 年度 (its budget, its request, its execution plan, its evaluation): the project and
/// the year under the same names and labels in every table. Not a table of its own: each record keeps the two columns
/// in its own table.
public abstract class ProjectYearRecord
{
    [Display(Name = "事務事業")]
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
}
