using System.Net;

namespace TsPmo.Host.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_without_sign_in_with_every_module()
    {
        using var factory = new TsPmoFactory();
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var announcements = json.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "announcements");
        Assert.Equal("Enabled", announcements.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_empty_plugins_folder_is_a_host_without_modules()
    {
        using var factory = new TsPmoFactory([], shippedPlugins: false);
        var json = await (await factory.CreateClient().GetAsync("/health")).JsonAsync();

        Assert.Equal(0, json.GetProperty("modules").GetArrayLength());
    }

    [Fact]
    public async Task The_sign_in_page_names_an_icon_that_is_served_without_sign_in()
    {
        using var factory = new TsPmoFactory([], shippedPlugins: false);
        var client = factory.CreateClient();

        var login = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var icon = await client.GetAsync("/favicon.svg");

        Assert.Contains("rel=\"icon\" href=\"/favicon.svg", login);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }
}
