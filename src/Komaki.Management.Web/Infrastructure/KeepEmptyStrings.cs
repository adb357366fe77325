using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Komaki.Management.Web.Infrastructure;

/// A cleared text box binds as "" rather than null, so form classes can rely on their non-null strings and
/// the validators report "入力してください" instead of the action failing.
public sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context) =>
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
}
