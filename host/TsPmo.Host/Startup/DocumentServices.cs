using TsPmo.Core.Documents;

namespace TsPmo.Host.Startup;

/// <summary>Project documents (they lean on the project services of <see cref="ProjectServices"/>).</summary>
public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection s) => s.AddScoped<DocumentService>();
}
