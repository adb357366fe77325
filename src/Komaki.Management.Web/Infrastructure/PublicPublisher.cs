namespace Komaki.Management.Web.Infrastructure;

/// Who publishes the public site, named as the staff app names the unit (Public:Publisher in settings; the demo
/// city's 市長公室 経営企画課 by default).
public sealed class PublicPublisher(IConfiguration configuration)
{
    public string Name => configuration["Public:Publisher"] ?? "小牧市 市長公室 経営企画課";
}
