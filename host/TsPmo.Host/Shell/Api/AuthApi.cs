using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Data;

namespace TsPmo.Host.Shell.Api;

/// <summary>
/// <c>POST /api/v1/auth/token</c>: trade an email and password for a bearer token. Rate limited per client and per
/// account (<see cref="CredentialRateLimiting"/>), with lockout and auditing in <see cref="AccountService"/>.
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password, string? Name);

    public sealed record TokenResponse(string Token, DateTimeOffset? ExpiresAt);

    /// <summary>Tokens handed out for a password expire, unlike the ones a user creates on the tokens page.</summary>
    public const int SignInTokenDays = 30;

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async Task<IResult> (TokenRequest? request, HttpContext http, AccountService accounts, ApiTokenService tokens, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request?.Email)) errors["email"] = ["Email is required."];
            if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["Password is required."];
            if (errors.Count > 0) throw new DomainValidationException(errors);

            var result = await accounts.SignInAsync(request!.Email, request.Password, ClientAddress.Of(http), ct);
            if (!result.Succeeded)
                return TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: AccountSignIn.FailureMessage);
            var (token, secret) = await tokens.CreateAsync(result.User!.Id, request.Name ?? $"API sign-in {DateTime.UtcNow:yyyy-MM-dd HH:mm}", SignInTokenDays, ct);
            return TypedResults.Ok(new TokenResponse(secret, token.ExpiresAt));
        })
        .AllowAnonymous()
        .WithMetadata(new CredentialEndpointAttribute())
        .WithTags("Auth")
        .Produces<TokenResponse>()
        .ProducesProblem(401)
        .ProducesProblem(429)
        .ProducesValidationProblem();
    }
}
