using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Accounts;

namespace TsPmo.Host.Tests;

/// <summary>Security:PasswordHashIterations lowers the hash cost in Testing (what the suite runs in) and is ignored in Production.</summary>
public sealed class PasswordHashingTests
{
    // Identity's V3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
    private static int Iterations(TsPmoFactory factory)
    {
        var hash = factory.Services.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(new UserAccount(), "a-password-1");
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    [Fact]
    public void The_testing_environment_honours_the_lower_iteration_count()
    {
        using var factory = new TsPmoFactory { Environment = "Testing", PasswordHashIterations = 1 };
        Assert.Equal(1, Iterations(factory));
    }

    [Fact]
    public void Production_ignores_the_setting_and_keeps_the_framework_default()
    {
        using var factory = new TsPmoFactory { Environment = "Production", PasswordHashIterations = 1 };
        Assert.Equal(new PasswordHasherOptions().IterationCount, Iterations(factory));
        Assert.True(Iterations(factory) >= 100_000);
    }
}
