namespace Komaki.Management.Core.Reports;

/// 主要施策成果説明書の議会提出版: every staff member reads the editions; planning gives the report to the council and
/// records its corrections.
public sealed class ResultsSubmissionRule() : PlanningEditsRule<ResultsSubmission>("主要施策成果説明書を議会提出版として確定できるのは企画課です。");
