using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TsPmo.Host.Shell.Security;

/// <summary>
/// Running behind a reverse proxy with HTTPS: forwarded headers (<c>ForwardedHeaders:Enabled</c>,
/// <c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>) and HSTS (<c>Security:Hsts</c>).
/// Forwarded headers are applied first, so the rate limiter, the lockout and the secure-cookie decision all see the
/// client's real address and scheme.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted (a proxy on the same machine); anything else must be named.
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            if (configuration.GetValue<int?>("ForwardedHeaders:ForwardLimit") is { } limit) options.ForwardLimit = limit;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(configuration.GetValue("Security:HstsMaxAgeDays", 365));
            options.IncludeSubDomains = configuration.GetValue("Security:HstsIncludeSubDomains", false);
        });
        return services;
    }

    public static void UseTransportSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false)) app.UseForwardedHeaders();
        // Off by default: HSTS on a plain-HTTP localhost install would only confuse browsers.
        if (app.Configuration.GetValue("Security:Hsts", false)) app.UseHsts();
    }

    /// <summary><c>Security:CookieSecure</c>: <c>SameAsRequest</c> (default; secure over HTTPS) or <c>Always</c>.</summary>
    public static Microsoft.AspNetCore.Http.CookieSecurePolicy CookiePolicy(IConfiguration configuration) =>
        string.Equals(configuration["Security:CookieSecure"], "Always", StringComparison.OrdinalIgnoreCase)
            ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always
            : Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
}
