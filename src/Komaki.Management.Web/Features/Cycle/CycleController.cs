using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Cycle;

/// サイクルの日程: the due date of each stage of a fiscal year, set by planning (the city's usual dates until then),
/// with the city-wide progress so overdue stages stand out; and the button that sends reminders now.
[Authorize(Policy = Policies.Staff)]
[Route("Cycle")]
public sealed class CycleController(CycleCommands commands, CyclePages pages, CycleSnapshots cycles, ReminderSender reminders) : AppController
{
    [HttpGet("Calendar")]
    public async Task<IActionResult> Calendar(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        return Display.IsFiscalYear(y) ? View(await BuildAsync(y, null)) : NotFound();
    }

    [HttpPost("Calendar")]
    [Authorize(Policy = Policies.PlanMasterEditors)]
    public async Task<IActionResult> Calendar(int year, CalendarForm form)
    {
        if (!Display.IsFiscalYear(year)) return NotFound();
        form.Year = year;
        if (!await ValidateAsync(form) || !Accept(await commands.SaveDeadlinesAsync(form))) return View(await BuildAsync(year, form.Due));
        TempData["Message"] = $"{Display.FiscalYear(year)}の日程を保存しました。";
        return RedirectToAction(nameof(Calendar), new { year });
    }

    [HttpPost("Remind")]
    [Authorize(Policy = Policies.PlanMasterEditors)]
    public async Task<IActionResult> Remind(int year)
    {
        var run = await reminders.SendAsync(Clock.Today);
        TempData["Message"] = run.Created == 0
            ? "新たに通知する相手はいませんでした（同じ期限の通知は7日に1回までです）。"
            : $"{run.Created}件の通知を作成しました。" + (run.Mailed > 0 ? $"メール {run.Mailed}件を送信しました。" : "") + (run.MailFailed > 0 ? $"メール {run.MailFailed}件は送信できませんでした。" : "");
        return RedirectToAction(nameof(Calendar), new { year });
    }

    private async Task<CalendarModel> BuildAsync(int year, IReadOnlyList<StageDue>? entered)
    {
        var today = Clock.Today;
        var snapshot = await cycles.GetAsync(year);
        var set = await pages.StagesSetAsync(year);
        var rows = CycleStages.All.OrderBy(s => snapshot.Deadlines[s]).Select(s =>
        {
            var total = snapshot.Total(s);
            return new CalendarRow(s, snapshot.Deadlines[s], set.Contains(s), total, today > snapshot.Deadlines[s] && total.Missing > 0, entered?.FirstOrDefault(d => d.Stage == s)?.On, snapshot.OwnerOf(s));
        }).ToList();
        return new CalendarModel(year, today, rows, Actor.IsPlanMasterEditor);
    }
}
