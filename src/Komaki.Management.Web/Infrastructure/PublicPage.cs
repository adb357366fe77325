using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Infrastructure;

/// An entry of the citizens' site menu: the title in citizens' words, the page (controller and action) and where it
/// stands in the menu (smaller first).
public sealed record PublicPage(string Title, string Controller, string Action, int Order);

/// A feature's page on the citizens' site (/public). Declared in the feature's own folder beside its public
/// controller and found by scan: the public layout's menu is built from them, and PublicSiteConventionTests fails on a
/// public page that neither the menu nor a page it lists leads to.
public interface IPublicPageContribution
{
    PublicPage Page { get; }
}

/// A feature's open-data list: JSON at /api/v1/{Name} and CSV at /api/v1/{Name}.csv, both from the same records and
/// only from what is published. Declared in the feature's own folder beside the actions that serve it and found by
/// scan: GET /api/v1 lists it, and the tests require both files to answer, the CSV to have these columns and to go
/// through CsvWriter's formula guard, and docs/open-data.md to describe it.
public interface IOpenDataDataset
{
    /// The path under /api/v1, stable once published.
    string Name { get; }

    /// What it is, in citizens' words.
    string Title { get; }

    /// Where the list stands in GET /api/v1 (smaller first).
    int Order { get; }

    /// The CSV's columns in order (Japanese); the JSON's fields are the record's, documented in docs/open-data.md.
    IReadOnlyList<string> Columns { get; }

    /// The key of GET /api/v1 under which the years a portal may fetch are listed, or null when the list has none.
    string? YearsKey { get; }

    Task<IReadOnlyList<int>> YearsAsync();
}

/// Reads the CSV column names off the columns a CSV action writes, so the declared columns cannot drift from the file.
public static class OpenDataColumns
{
    public static IReadOnlyList<string> Of<T>(IReadOnlyList<CsvColumn<T>> columns) => columns.Select(c => c.Header).ToList();
}
