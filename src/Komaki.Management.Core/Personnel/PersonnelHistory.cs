using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Personnel;

/// 人事評価 and its performance goals (filed under the evaluation): the person, the evaluators named on it and the
/// personnel division (PersonnelAccess) — nobody else, administrators included — and of it only the fields the sheet
/// shows that reader at the evaluation's stage now (PersonnelFields): no final grade before the reader may see it, no
/// 人事課内のメモ outside the personnel division. Every opening is noted in the read log (PersonnelReads) as
/// 変更履歴, a refused one as 拒否.
public sealed class PersonnelEvaluationHistory(AppDbContext db, PersonnelPages pages, PersonnelReads reads) : HistoryKind<PersonnelEvaluation>(typeof(PerformanceGoal))
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var e = await db.PersonnelEvaluations.AsNoTracking().Include(x => x.StaffMember).FirstOrDefaultAsync(x => x.Id == id);
        if (e is null) return HistoryOpening.Refused;
        reads.Loaded([e.Id]);
        var relation = PersonnelAccess.RelationOf(reader.Actor(), await pages.StaffIdsOfAsync(reader.UserId), e);
        if (!PersonnelAccess.CanRead(relation)) return HistoryOpening.Refused;
        // A year without its design discloses no details to the person (the sheet itself does not open without one).
        var view = new PersonnelView(e, await pages.DesignAsync(e.FiscalYear) ?? new PersonnelDesign { FiscalYear = e.FiscalYear, DiscloseDetails = false }, relation, "");
        return HistoryOpening.Read($"{e.StaffMember?.Name} {Wareki.FiscalYear(e.FiscalYear)} 人事評価", new("Personnel", "Details", new { id }),
            (entry, field) => view.Shows(entry.EntityType, field));
    }
}

/// The grades and comments of 人事評価 (drafts included) and its 苦情相談, filed apart from the evaluation's own history:
/// they hold grades before disclosure and drafts nobody else sees, so only the personnel division reads them — not the
/// person or the evaluators (who read their own on the evaluation), nor administrators. Every opening is noted in the
/// read log (PersonnelReads), a refused one as 拒否.
public sealed class PersonnelMarksHistory(AppDbContext db, PersonnelReads reads) : IHistoryKind
{
    public const string RecordType = "PersonnelEvaluationMarks";

    public IReadOnlyCollection<string> RecordTypes { get; } = [RecordType];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(EvaluationMark), typeof(PersonnelComplaint)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var e = await db.PersonnelEvaluations.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.FiscalYear, Name = x.StaffMember!.Name }).FirstOrDefaultAsync();
        if (e is null) return HistoryOpening.Refused;
        reads.Loaded([e.Id]);
        return reader.IsIn(Roles.Personnel)
            ? HistoryOpening.Read($"{e.Name} {Wareki.FiscalYear(e.FiscalYear)} 人事評価の評語・所見と苦情相談", new("Personnel", "Details", new { id }))
            : HistoryOpening.Refused;
    }
}

/// The staff register (所属・職・級・退職日) and the year's design of 人事評価: 人事課 and the administrators.
public sealed class PersonnelRecordHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(StaffMember), nameof(PersonnelDesign)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(StaffMember), typeof(StaffAssignment), typeof(PersonnelDesign), typeof(DesignGrade), typeof(CompetenceCriterion)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (!reader.IsIn(Roles.Personnel) && !reader.IsIn(Roles.Administrator)) return HistoryOpening.Refused;
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        return recordType == nameof(StaffMember)
            ? HistoryOpening.Read(await db.StaffMembers.Where(m => m.Id == id).Select(m => "職員 " + m.Name + "（職員番号 " + m.StaffNumber + "）").FirstOrDefaultAsync() ?? recordId,
                new("StaffLeaving", "Index", new { id }))
            : await db.PersonnelDesigns.Where(d => d.Id == id).Select(d => (int?)d.FiscalYear).FirstOrDefaultAsync() is int year
                ? HistoryOpening.Read($"{Wareki.FiscalYear(year)} 人事評価の設計", new("PersonnelYear", "Design", new { year }))
                : HistoryOpening.Read(recordId);
    }
}
