using Microsoft.Extensions.DependencyInjection.Extensions;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;

namespace TsPmo.Host.Startup;

/// <summary>Project documents: the service, and the project services its pages and rules lean on.</summary>
public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection s)
    {
        // The projects feature registers these too; TryAdd keeps a single registration whichever is wired first.
        s.TryAddScoped<ProjectAccess>();
        s.TryAddScoped<ProjectValidator>();
        s.TryAddScoped<ProjectService>();
        s.AddScoped<DocumentService>();
        return s;
    }
}
