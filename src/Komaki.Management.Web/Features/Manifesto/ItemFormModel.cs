using Komaki.Management.Core.Manifesto;

namespace Komaki.Management.Web.Features.Manifesto;

public sealed record ItemFormModel(int? Id, MayorTerm Term, ItemForm Form);
