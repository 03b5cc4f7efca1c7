using Microsoft.AspNetCore.Identity;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TsPmo.Core.Accounts;

/// <summary>
/// The cost of the password hash (ASP.NET Core Identity's PBKDF2, <see cref="PasswordHasherOptions.IterationCount"/>).
/// <c>Security:PasswordHashIterations</c> lowers it only in the Development and Testing environments, so a test suite
/// that creates hundreds of accounts does not spend its time hashing; in any other environment (Production included)
/// the setting is ignored and the framework's default stands. See docs/adr/0016-cheap-password-hashing-in-tests.md.
/// </summary>
public static class PasswordHashing
{
    public const string IterationsKey = "Security:PasswordHashIterations";
    public const string TestingEnvironment = "Testing";

    public static PasswordHasherOptions OptionsFor(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new PasswordHasherOptions();
        if ((environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment))
            && int.TryParse(configuration[IterationsKey], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var iterations)
            && iterations > 0)
            options.IterationCount = iterations;
        return options;
    }
}
