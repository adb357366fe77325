namespace Komaki.Management.Core.Importing;

/// 部課名の対応 (which unit a 部課名 of another system names): every staff member reads it; planning and administrators
/// add one (answering an import's question) and remove one.
public sealed class UnitNameMappingRule() : PlanningEditsRule<UnitNameMapping>("部課名の対応を変えられるのは企画課です。");
