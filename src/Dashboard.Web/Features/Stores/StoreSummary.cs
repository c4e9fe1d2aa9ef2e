using Dashboard.Domain;

namespace Dashboard.Web.Features.Stores;

public sealed record StoreSummary(string Id, string Name, StoreRole Role);
