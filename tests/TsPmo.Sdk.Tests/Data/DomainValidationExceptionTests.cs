using TsPmo.Sdk.Data;

namespace TsPmo.Sdk.Tests.Data;

public sealed class DomainValidationExceptionTests
{
    [Fact]
    public void Single_field_constructor_keys_the_message_by_field()
    {
        var ex = new DomainValidationException("email", "Enter an email address.");

        Assert.Equal("Enter an email address.", ex.Message);
        var (field, messages) = Assert.Single(ex.Errors);
        Assert.Equal("email", field);
        Assert.Equal(["Enter an email address."], messages);
    }

    [Fact]
    public void Message_joins_every_message_of_every_field()
    {
        var ex = new DomainValidationException(new Dictionary<string, string[]>
        {
            ["email"] = ["Email is required."],
            ["password"] = ["Too short.", "Too common."],
        });

        Assert.Equal("Email is required. Too short. Too common.", ex.Message);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal(["Too short.", "Too common."], ex.Errors["password"]);
    }

    [Fact]
    public void Whole_request_errors_use_the_empty_key()
    {
        var ex = new DomainValidationException("", "An administrator already exists.");

        Assert.True(ex.Errors.ContainsKey(""));
        Assert.Equal("An administrator already exists.", ex.Message);
    }
}
