using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.CitizenVoice;

public sealed class CitizenInputForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "経路")]
    public CitizenChannel Channel { get; set; } = CitizenChannel.TownMeeting;
    public string? ReceivedOn { get; set; }
    public string? Summary { get; set; }
    public string? Answer { get; set; }
    [Display(Name = "対応状況")]
    public CitizenInputStatus Status { get; set; } = CitizenInputStatus.Received;
    public string? MeasureCodes { get; set; }
    public string? ProjectCodes { get; set; }
    /// Needed when the input is on the public site and what citizens see changes (PublishedCorrections).
    public string? CorrectionReason { get; set; }
}

/// A voice needs its channel, a received date that is not in the city's future, a summary, and the city's answer
/// once it is marked answered or reflected. Whether its codes name current measures and projects is the commands'.
public sealed class CitizenInputFormValidator : AbstractValidator<CitizenInputForm>
{
    public CitizenInputFormValidator(CityClock clock)
    {
        RuleFor(x => x.ReceivedOn).SensibleDate();
        RuleFor(x => x.Channel).IsInEnum().WithMessage("経路を選んでください。");
        RuleFor(x => x.Status).IsInEnum().WithMessage("状況を選んでください。");
        RuleFor(x => x.ReceivedOn).Must(v => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out _)).WithMessage("受付日を入力してください。")
            .Must(v => !DateOnly.TryParse(v, CultureInfo.InvariantCulture, out var d) || d <= clock.Today).WithMessage("受付日に未来の日付は入力できません。");
        RuleFor(x => x.Summary).NotEmpty().WithMessage("内容の要旨を入力してください。")
            .MaximumLength(ModelLengths.Of<CitizenInput>(c => c.Summary)).WithMessage("内容の要旨は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Answer).NotEmpty().When(x => x.Status is CitizenInputStatus.Answered or CitizenInputStatus.Reflected)
            .WithMessage("回答済・反映済にするには「市の考え方」を入力してください。");
        RuleFor(x => x.CorrectionReason).MaximumLength(ModelLengths.Of<CitizenInput>(c => c.CorrectionReason)).WithMessage("訂正の理由は{MaxLength}文字以内で入力してください。");
    }
}

/// Recording what citizens said and linking it to the measures and projects it touches.
public sealed class CitizenInputCommands(AppDbContext db, RecordSaver saver, CityClock clock) : IUseCase
{
    public static CitizenInputForm FormOf(CitizenInput c) => new()
    {
        Version = c.Version, Channel = c.Channel, ReceivedOn = c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Summary = c.Summary,
        Answer = c.Answer, Status = c.Status,
        MeasureCodes = string.Join(" ", c.Links.Where(l => l.Measure is not null).Select(l => l.Measure!.Code)),
        ProjectCodes = string.Join(" ", c.Links.Where(l => l.Project is not null).Select(l => l.Project!.Code)),
    };

    public async Task<CommandResult> CreateAsync(CitizenInputForm form)
    {
        var input = new CitizenInput();
        var applied = await ApplyAsync(form, input);
        if (!applied.Succeeded) return applied;
        db.CitizenInputs.Add(input);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(input.Id) : saved;
    }

    public Task<CitizenInput?> ForEditAsync(int id) => db.CitizenInputs.Include(c => c.Links).FirstOrDefaultAsync(c => c.Id == id);

    public const string PublishWithoutAnswer = "市の考え方が記入されていない声は公開できません。先に市の考え方を記入してください。";

    /// Publishing puts the summary and the answer on the public site; an input without the city's answer stays internal.
    /// Null when there is no such input.
    public async Task<CommandResult?> PublishAsync(int id, bool publish, int version)
    {
        var input = await db.CitizenInputs.FirstOrDefaultAsync(c => c.Id == id);
        if (input is null) return null;
        if (publish && string.IsNullOrWhiteSpace(input.Answer)) return CommandResult.Refused(string.Empty, PublishWithoutAnswer);
        input.IsPublished = publish;
        return await saver.SaveEditAsync(input, version, input.AuditTarget);
    }

    public const string PublishedWithoutAnswer = "公開サイトに載せている声の「市の考え方」は空にできません。載せるのをやめてから変えてください。";

    /// A published input changes what citizens read only as a 訂正 with its reason (PublishedCorrections).
    public async Task<CommandResult> EditAsync(CitizenInput input, CitizenInputForm form)
    {
        if (input.IsPublished && string.IsNullOrWhiteSpace(form.Answer)) return CommandResult.Refused(nameof(form.Answer), PublishedWithoutAnswer);
        var before = input.PublicText();
        var applied = await ApplyAsync(form, input);
        if (!applied.Succeeded) return applied;
        if (await PublishedCorrections.ApplyAsync(db, input, before, form.CorrectionReason, clock.UtcNow) is { } refused) return refused;
        return await saver.SaveEditAsync(input, form.Version, input.AuditTarget);
    }

    /// The checks that need the database, without changing anything: shown together with the validator's.
    public Task<CommandResult> CheckAsync(CitizenInputForm form) => ApplyAsync(form, null);

    private async Task<CommandResult> ApplyAsync(CitizenInputForm form, CitizenInput? input)
    {
        var result = new CommandResult();
        var measureCodes = CodeList.Parse(form.MeasureCodes);
        var projectCodes = CodeList.Parse(form.ProjectCodes);
        var measures = await db.Measures.Where(m => measureCodes.Contains(m.Code) && m.RetiredAt == null).Select(m => new { m.Id, m.Code }).ToListAsync();
        var projects = await db.Projects.Where(p => projectCodes.Contains(p.Code) && p.RetiredAt == null).Select(p => new { p.Id, p.Code }).ToListAsync();
        foreach (var c in measureCodes.Where(c => measures.All(m => m.Code != c))) result.Add(nameof(form.MeasureCodes), $"施策コード「{c}」は現行の施策にありません。");
        foreach (var c in projectCodes.Where(c => projects.All(p => p.Code != c))) result.Add(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        if (!result.Succeeded || input is null) return result;
        input.Channel = form.Channel;
        input.ReceivedOn = DateOnly.Parse(form.ReceivedOn!, CultureInfo.InvariantCulture);
        input.Summary = form.Summary!.Trim();
        input.Answer = string.IsNullOrWhiteSpace(form.Answer) ? null : form.Answer.Trim();
        input.Status = form.Status;
        LinkSet.Keep(input.Links, measures.Select(m => new CitizenInputLink { MeasureId = m.Id }).Concat(projects.Select(p => new CitizenInputLink { ProjectId = p.Id })),
            l => (l.MeasureId, l.ProjectId));
        return result;
    }
}
