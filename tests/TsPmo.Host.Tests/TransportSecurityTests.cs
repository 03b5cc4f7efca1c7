using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TsPmo.Host.Tests;

/// <summary>HTTPS behind a reverse proxy: secure cookies, HSTS when asked for, forwarded headers only when switched on.</summary>
public sealed class TransportSecurityTests
{
    private static HttpClient Client(TsPmoFactory factory, string baseAddress) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tspmo.af=", StringComparison.Ordinal));

    [Fact]
    public async Task Over_https_cookies_are_secure_and_hsts_is_sent_only_when_switched_on()
    {
        using var plain = new TsPmoFactory();
        var https = await Client(plain, "https://pmo.example.com/").GetAsync("/Account/Login");
        var http = await Client(plain, "http://pmo.example.com/").GetAsync("/Account/Login");

        Assert.Contains("secure", AntiforgeryCookie(https), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", AntiforgeryCookie(http), StringComparison.OrdinalIgnoreCase);
        Assert.False(https.Headers.Contains("Strict-Transport-Security"));

        using var hsts = new TsPmoFactory { Settings = new Dictionary<string, string?> { ["Security:Hsts"] = "true" } };
        var withHsts = await Client(hsts, "https://pmo.example.com/").GetAsync("/Account/Login");
        Assert.StartsWith("max-age=31536000", withHsts.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False((await Client(hsts, "http://pmo.example.com/").GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task X_forwarded_proto_counts_only_from_a_trusted_proxy_when_forwarded_headers_are_on()
    {
        using var proxied = new ProxiedTsPmoFactory();
        var viaProxy = Client(proxied, "http://pmo.example.com/");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.Contains("secure", AntiforgeryCookie(await viaProxy.GetAsync("/Account/Login")), StringComparison.OrdinalIgnoreCase);

        using var direct = new TsPmoFactory();
        var spoofed = Client(direct, "http://pmo.example.com/");
        spoofed.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.DoesNotContain("secure", AntiforgeryCookie(await spoofed.GetAsync("/Account/Login")), StringComparison.OrdinalIgnoreCase);

        // Naming a proxy adds to the trusted ones; the loopback proxy is still believed.
        using var untrusted = new ProxiedTsPmoFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" });
        var fromLoopback = Client(untrusted, "http://pmo.example.com/");
        fromLoopback.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        // Loopback stays trusted alongside the named proxy.
        Assert.Contains("secure", AntiforgeryCookie(await fromLoopback.GetAsync("/Account/Login")), StringComparison.OrdinalIgnoreCase);
    }
}
