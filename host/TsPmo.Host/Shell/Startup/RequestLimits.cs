using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TsPmo.Host.Shell.Startup;

/// <summary>
/// <c>Limits:*</c>: the bounds on what one request may make the host read, set explicitly rather than left to framework
/// defaults that differ between servers (TestServer enforces none). Imports keep their own, smaller caps and read through
/// a length-limited stream, so a chunked body without a Content-Length cannot get past them.
/// </summary>
public sealed class RequestLimits
{
    /// <summary>Any request body, uploads included (Kestrel's limit; the form limit follows it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 30_000_000;

    /// <summary>Fields in one form post (a Scrum backlog reorder posts one per item).</summary>
    public int MaxFormFields { get; set; } = 2_048;

    /// <summary>One form field's value: the Kanban import page takes a pasted CSV of up to 5 MB.</summary>
    public int MaxFormValueBytes { get; set; } = 5_000_000;

    /// <summary>Nesting of a JSON body; the API's documents are a few levels deep.</summary>
    public int MaxJsonDepth { get; set; } = 32;

    public static RequestLimits AddRequestLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Limits").Get<RequestLimits>() ?? new RequestLimits();
        services.AddSingleton(limits);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes;
            o.ValueCountLimit = limits.MaxFormFields;
            o.ValueLengthLimit = limits.MaxFormValueBytes;
            o.KeyLengthLimit = 2_048;
            o.MultipartHeadersLengthLimit = 16_384;
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = limits.MaxJsonDepth);
        // Unreadable JSON or a missing parameter becomes a BadHttpRequestException that the problem handler turns into a
        // 400 problem saying what was wrong, instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return limits;
    }
}
