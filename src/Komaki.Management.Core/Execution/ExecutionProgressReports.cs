namespace Komaki.Management.Core.Execution;

/// 随時の進捗報告 of a 主要事業: added at any date, never replacing another; the latest is what the plan shows first.
public sealed class ExecutionProgressReports(AppDbContext db, RecordSaver saver) : IUseCase
{
    public const int TextLength = 4000;

    public Task<List<ExecutionProgressReport>> OfAsync(int planId) =>
        db.ExecutionProgressReports.AsNoTracking().Where(r => r.ExecutionPlanId == planId).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).ToListAsync();

    /// Refused beside its fields: the day (not in the future, within the plan's year or the month after it), the
    /// status, and the text — required, as on the 9月末 form, when the status is 遅れ or 中止・休止.
    public async Task<CommandResult> AddAsync(ExecutionPlan plan, string? asOf, ProgressStatus? status, string? text, string byName, DateTime at, DateOnly today)
    {
        var result = new CommandResult();
        if (!DateOnly.TryParseExact(asOf?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) result.Add("AsOf", "進捗の時点（日付）を入力してください。");
        else if (day > today) result.Add("AsOf", "進捗の時点に先の日付は入れられません。");
        else if (day < new DateOnly(plan.FiscalYear, 4, 1) || day > new DateOnly(plan.FiscalYear + 1, 4, 30))
            result.Add("AsOf", $"{Wareki.FiscalYear(plan.FiscalYear)}の計画の進捗は、{Wareki.Date(new DateOnly(plan.FiscalYear, 4, 1))}から{Wareki.Date(new DateOnly(plan.FiscalYear + 1, 4, 30))}までの日付で報告します。");
        if (status is not ProgressStatus s || !Enum.IsDefined(s)) result.Add("ReportStatus", "進捗区分を選んでください。");
        if (string.IsNullOrWhiteSpace(text))
            result.Add("ReportText", ExecutionPlan.NeedsReason(status) ? $"「{status!.Value.Label()}」のときは、理由と今後の見通しを書いてください。" : "進捗の内容を書いてください。");
        else if (text.Length > TextLength) result.Add("ReportText", $"進捗の内容は{TextLength:N0}文字以内で入力してください。");
        if (!result.Succeeded) return result;
        db.ExecutionProgressReports.Add(new ExecutionProgressReport
        {
            ExecutionPlanId = plan.Id, AsOf = day, ReportStatus = status!.Value, ReportText = text!.Trim(), ReportedBy = byName, ReportedAt = at,
        });
        return await saver.SaveAsync();
    }
}
