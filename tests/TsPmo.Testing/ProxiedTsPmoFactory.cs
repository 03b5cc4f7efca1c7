using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TsPmo.Testing;

/// <summary>
/// The host as it runs behind a reverse proxy on the same machine: every request arrives from loopback and
/// forwarded headers are on, so a test names the client with <c>X-Forwarded-For</c>, exactly as nginx would.
/// </summary>
public sealed class ProxiedTsPmoFactory : TsPmoFactory
{
    public ProxiedTsPmoFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        Settings = all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackPeer>());
    }

    /// <summary>A client whose requests say they were forwarded for <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address, bool browser = false)
    {
        var client = browser ? CreateBrowserClient() : CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    // TestServer leaves the peer address empty; a real proxy connection has one.
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
