using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;

namespace Komaki.Management.Web.Features.Reminders;

public sealed record RemindersModel(Paged<Reminder> Page, int Unread);
