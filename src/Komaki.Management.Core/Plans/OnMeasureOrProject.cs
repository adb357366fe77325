namespace Komaki.Management.Core.Plans;

/// A record that hangs on a 施策 or a 事務事業 of the plan (an indicator; what a goal, a personal goal, a citizen input, a
/// promise or a risk is about): the two references, each optional, under the same names and labels in every table.
/// Not a table of its own: each record keeps the two columns in its own table.
public abstract class OnMeasureOrProject
{
    [Display(Name = "施策")]
    public int? MeasureId { get; set; }
    public Measure? Measure { get; set; }
    [Display(Name = "事務事業")]
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }

}
