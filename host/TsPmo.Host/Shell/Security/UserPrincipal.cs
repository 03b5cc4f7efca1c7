using System.Globalization;
using System.Security.Claims;
using TsPmo.Core.Accounts;

namespace TsPmo.Host.Shell.Security;

/// <summary>The claims TsPmo puts in a cookie or derives from a bearer token.</summary>
public static class UserPrincipal
{
    public const string VersionClaim = "tspmo:version";

    /// <summary>The account's security stamp when the cookie was issued; a different stamp now ends the session.</summary>
    public const string StampClaim = "tspmo:stamp";

    public static ClaimsPrincipal Create(UserAccount user, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(VersionClaim, user.Version.ToString(CultureInfo.InvariantCulture)),
            new Claim(StampClaim, user.SecurityStamp),
        ], scheme));

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
