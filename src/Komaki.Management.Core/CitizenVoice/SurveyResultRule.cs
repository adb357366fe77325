namespace Komaki.Management.Core.CitizenVoice;

/// 市民意識調査の結果: every staff member reads it; planning enters a year's results (on one page for every measure,
/// or by the survey import). A year's results not yet entered are asked about as a new result of the year.
public sealed class SurveyResultRule() : PlanningEditsRule<SurveyResult>("市民意識調査の結果を入力できるのは企画課です。");
