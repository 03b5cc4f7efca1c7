using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Ports.Seeding;
using Xunit.Abstractions;

namespace TsPmo.Host.Tests.Security;

/// <summary>
/// The authorization matrix, checked against the running app: every endpoint the app routes (minimal APIs of the
/// host, the modules and the sample plugin, and every Razor Page handler) must be declared in <see cref="AccessMatrix"/>,
/// and each is called as every kind of caller — signed out, Admin, PMO, a member of another project, and the Viewer,
/// Member and Manager of a Private project, plus an organization Viewer who is a project Member — over the demo
/// organization. Each caller must meet what the rule says (signed out: sign in; not allowed: 403; a Private project
/// they are not on: 404), and no call may end in a server error.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_endpoint_is_declared_and_answers_every_caller_as_its_rule_says()
    {
        using var factory = new TsPmoFactory();
        var world = await MatrixWorld.CreateAsync(factory);

        var routed = Enumerate(factory);
        var undeclared = routed.Keys.Where(k => !AccessMatrix.Rules.ContainsKey(k)).Order().ToList();
        var stale = AccessMatrix.Rules.Keys.Where(k => !routed.ContainsKey(k)).Order().ToList();
        Assert.True(undeclared.Count == 0, "Declare these endpoints in AccessMatrix:\n" + string.Join("\n", undeclared.Select(k => $"[\"{k}\"] = ,")));
        Assert.True(stale.Count == 0, "These AccessMatrix entries match no endpoint:\n" + string.Join("\n", stale));

        var failures = new List<string>();
        var calls = 0;
        foreach (var (key, rule) in AccessMatrix.Rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var target = world.Resolve(key) with
            {
                ContentType = routed[key].Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault(),
            };
            // Callers who are refused first; those allowed last, so their writes (empty or invalid bodies) cannot change what the refused see.
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => AccessRules.Expected(rule, c) == Outcome.Allowed))
            {
                var expected = AccessRules.Expected(rule, caller);
                if (expected == Outcome.Allowed && HasSideEffects(key)) continue;
                var response = await world.SendAsync(caller, target);
                calls++;
                if (Judge(expected, caller, target, response) is { } problem)
                    failures.Add($"{key} as {caller}: expected {expected}, got {(int)response.StatusCode} {problem}");
            }
        }
        output.WriteLine($"{AccessMatrix.Rules.Count} endpoints, {calls} calls, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        await MatrixDocument.CheckOrWriteAsync(AccessMatrix.Rules);
    }

    /// <summary>Every endpoint the app routes, as "METHOD route" (page handlers as "?handler=Name").</summary>
    private static Dictionary<string, RouteEndpoint> Enumerate(TsPmoFactory factory)
    {
        var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        var loader = factory.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (route.EndsWith("/Index", StringComparison.Ordinal) || route == "/Index") continue; // the same page as its folder's route
                var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
                foreach (var handler in compiled.HandlerMethods)
                    result[$"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : "?handler=" + handler.Name)}"] = endpoint;
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods) result[$"{method} {route}"] = endpoint;
        }
        return result;
    }

    /// <summary>Calls an allowed caller would make for real, that would change the world under the other checks.</summary>
    private static bool HasSideEffects(string key) =>
        key.StartsWith("DELETE ", StringComparison.Ordinal)
        || key.Contains("/modules/{id}/", StringComparison.Ordinal) || key.Contains("Admin/Modules?handler=", StringComparison.Ordinal)
        || key.StartsWith("POST /Account/Logout", StringComparison.Ordinal) || key.StartsWith("POST /Admin/Users", StringComparison.Ordinal)
        || key.Contains("Remove", StringComparison.Ordinal) || key.Contains("assword", StringComparison.Ordinal);

    private static string? Judge(Outcome expected, Caller caller, MatrixWorld.Target target, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return "(server error)";
        var location = response.Headers.Location?.ToString() ?? "";
        var toSignIn = status == 302 && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase);
        return expected switch
        {
            Outcome.SignIn => status == 401 || toSignIn ? null : "(should ask to sign in)",
            Outcome.NotFound => status == 404 ? null : "(a private project must not exist for this caller)",
            // An outsider may meet the project's 404 before the rule's 403; so may anyone when the route's item is missing.
            Outcome.Forbidden => status == 403 || (status == 404 && (caller == Caller.Outsider || target.MissingItem)) ? null : "(should be refused)",
            _ => status is 401 or 403 || toSignIn ? "(was refused)"
                : status == 404 && target.Method == "GET" && !target.MissingItem && target.NamesProject ? "(readable project answered 404)"
                : null,
        };
    }
}
