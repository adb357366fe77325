using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Directions;

/// 今後の方向性の区分: the city's own verdicts (Komaki: 拡大・維持・縮小・廃止・廃止→新規), their names and order,
/// and which of them evaluators choose from. Codes are the system's; a direction not in use still names older records.
[Authorize(Policy = Policies.Staff)]
[Route("Directions")]
public sealed class DirectionsController(DirectionSettings settings) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new DirectionsModel(
        (await settings.ListAsync()).Select(c => new DirectionRow { Code = c.Code, Label = c.Label, InUse = c.InUse, SortOrder = c.SortOrder }).ToList(),
        Actor.IsPlanMasterEditor));

    [HttpPost("")]
    public async Task<IActionResult> Save(DirectionsForm form)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var rows = form.Rows;
        var known = Enum.GetValues<Direction>().ToHashSet();
        if (rows.Count != known.Count || rows.Any(r => !known.Contains(r.Code)) || rows.Select(r => r.Code).Distinct().Count() != known.Count) return BadRequest();
        if (await ValidateAsync(form))
        {
            var errors = await settings.SaveAsync(rows.Select(r => new DirectionSettings.Row(r.Code, r.Label!.Trim(), r.InUse, r.SortOrder)).ToList());
            foreach (var (code, message) in errors) ModelState.AddModelError($"rows[{rows.FindIndex(r => r.Code == code)}].Label", message);
        }
        if (!ModelState.IsValid) return View(nameof(Index), new DirectionsModel(rows, true));
        TempData["Message"] = "今後の方向性の区分を保存しました。";
        return RedirectToAction(nameof(Index));
    }
}
