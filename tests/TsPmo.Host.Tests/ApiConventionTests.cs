using System.Net;

namespace TsPmo.Host.Tests;

public sealed class ApiConventionTests : IClassFixture<SharedTsPmoFactory>
{
    private readonly TsPmoFactory _factory;

    public ApiConventionTests(SharedTsPmoFactory factory) => _factory = factory;

    [Fact]
    public async Task Unknown_api_paths_are_404_problems_even_without_a_token()
    {
        var response = await _factory.CreateClient().GetAsync("/api/v1/definitely/not/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Api_without_token_is_a_401_problem_not_a_redirect()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/api/v1/modules");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var api = await _factory.CreateAdminApiAsync();
        var document = await (await api.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/modules", out _));
        Assert.True(paths.TryGetProperty("/api/v1/modules/{id}/enable", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/announcements", out _) || paths.TryGetProperty("/api/v1/announcements/", out _));
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await _factory.CreateClient().GetAsync("/Account/Login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404_page()
    {
        var browser = _factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Module_static_files_are_served_from_the_plugin_folder()
    {
        var response = await _factory.CreateClient().GetAsync("/_modules/announcements/announcements.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".announcement-pinned", await response.Content.ReadAsStringAsync());
    }
}
