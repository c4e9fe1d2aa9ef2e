using Microsoft.AspNetCore.Routing.Template;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// The methods each Store API path answers, from the endpoints themselves. Routing alone answers 405
/// only when no endpoint of any kind wants the request; in Development the static-asset fallback
/// (<c>{**path:file}</c>) takes every GET, so "GET …/messages" came back 404. The API's error
/// middleware asks this table instead: a known path with another method is 405 with <c>Allow</c>.
/// </summary>
public sealed class StoreApiAllowedMethods(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> _routes = new(() =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(StoreApiFeature.PathPrefix + "/", StringComparison.Ordinal) == true)
            .Select(e => (Pattern: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Count > 0)
            .GroupBy(e => e.Pattern, StringComparer.OrdinalIgnoreCase)
            .Select(g => (new TemplateMatcher(TemplateParser.Parse(g.Key), new RouteValueDictionary()),
                (IReadOnlyList<string>)g.SelectMany(e => e.Methods).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList()))
            .ToList());

    /// <summary>The methods of the first endpoint path matching <paramref name="path"/>; empty when no API path matches.</summary>
    public IReadOnlyList<string> For(PathString path)
    {
        foreach (var (matcher, methods) in _routes.Value)
            if (matcher.TryMatch(path, new RouteValueDictionary())) return methods;
        return [];
    }
}
