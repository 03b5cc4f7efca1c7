using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TsPmo.Host.Shell.Security;

/// <summary>
/// Marks an endpoint or page that checks a password (sign-in, token, setup, password change). Its POSTs are rate
/// limited per client and per account; <see cref="AccountField"/> names the form or JSON field with the email tried.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CredentialEndpointAttribute(string accountField = "email") : Attribute
{
    public string AccountField { get; } = accountField;
}

/// <summary>
/// Limits of the credential endpoints (<c>Security:SignInRateLimit</c>): attempts per <see cref="Window"/> per client
/// and per account. Each is also the burst; spent attempts come back evenly over the window.
/// </summary>
public sealed class SignInRateLimitOptions
{
    public int PerClient { get; set; } = 10;
    public int PerAccount { get; set; } = 20;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The rate limiter of the credential endpoints, and what a page or API client sees when it says no.</summary>
public static class CredentialRateLimiting
{
    /// <summary>Set on a rejected page request, whose page then shows the wait next to its form instead of checking anything.</summary>
    public const string RejectedItem = "tspmo:rate-limited-seconds";

    private const string AccountItem = "tspmo:credential-account";
    private const int PeekLimitBytes = 16 * 1024;

    public static IServiceCollection AddCredentialRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Security:SignInRateLimit").Get<SignInRateLimitOptions>() ?? new SignInRateLimitOptions();
        services.AddRateLimiter(options =>
        {
            // Chained: a request needs a permit from its client's bucket and from its account's bucket.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => IsCredentialPost(c) is null
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetTokenBucketLimiter("client:" + ClientAddress.Of(c), _ => Bucket(limits.PerClient, limits.Window))),
                PartitionedRateLimiter.Create<HttpContext, string>(c => IsCredentialPost(c) is null || Account(c) is not { } account
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetTokenBucketLimiter("account:" + account, _ => Bucket(limits.PerAccount, limits.Window))));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>
    /// Reads the email tried from a credential POST before the limiter runs, leaving the body for the endpoint:
    /// the form is cached by ASP.NET Core, a JSON body is buffered and rewound.
    /// </summary>
    public static IApplicationBuilder UseCredentialRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsCredentialPost(context) is { } credential)
                context.Items[AccountItem] = await PeekAccountAsync(context, credential.AccountField);
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static TokenBucketRateLimiterOptions Bucket(int permits, TimeSpan window) => new()
    {
        TokenLimit = Math.Max(1, permits),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = window / Math.Max(1, permits),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static CredentialEndpointAttribute? IsCredentialPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<CredentialEndpointAttribute>() : null;

    private static string? Account(HttpContext context) =>
        // A signed-in user changing their password is their own account, whatever the body says.
        context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : context.Items[AccountItem] as string;

    private static async Task<string?> PeekAccountAsync(HttpContext context, string field)
    {
        var request = context.Request;
        if (request.ContentLength is > PeekLimitBytes) return null;
        try
        {
            string? value = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                value = form.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)
                    || f.Key.EndsWith("." + field, StringComparison.OrdinalIgnoreCase)).Value.ToString();
            }
            else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                request.EnableBuffering(PeekLimitBytes);
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
                request.Body.Position = 0;
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                    foreach (var property in json.RootElement.EnumerateObject())
                        if (string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                            value = property.Value.GetString();
            }
            value = value?.Trim().ToLowerInvariant();
            return string.IsNullOrEmpty(value) ? null : value.Length > 254 ? value[..254] : value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            // Unreadable bodies are the endpoint's to refuse; only the client's bucket applies to them.
            if (request.Body.CanSeek) request.Body.Position = 0;
            return null;
        }
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = Message(seconds);

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts.", detail: message,
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds, ["traceId"] = context.TraceIdentifier })
                .ExecuteAsync(context);
            return;
        }
        // A page shows the message beside its form: run the page, which sees the flag and checks no password.
        context.Items[RejectedItem] = seconds;
        if (context.GetEndpoint()?.RequestDelegate is { } page) await page(context);
    }

    /// <summary>The wait a rejected page must show, or null when the request was let through.</summary>
    public static string? RejectionMessage(HttpContext context) =>
        context.Items[RejectedItem] is int seconds ? Message(seconds) : null;

    private static string Message(int seconds) =>
        $"Too many attempts from your address or for this account. Wait {seconds} second{(seconds == 1 ? "" : "s")} and try again.";
}

/// <summary>The client a request comes from, after forwarded headers were applied: its remote address.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.ToString();
    }
}
