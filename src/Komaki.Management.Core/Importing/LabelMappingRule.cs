namespace Komaki.Management.Core.Importing;

/// 取り込みの読み替え (what a label a sheet may carry means): every staff member reads it; planning and administrators
/// add, change and remove one. A label not yet in the table is asked about as a new label of its kind.
public sealed class LabelMappingRule() : PlanningEditsRule<LabelMapping>("読み替え表を変えられるのは企画課です。");
