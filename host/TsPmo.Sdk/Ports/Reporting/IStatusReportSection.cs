namespace TsPmo.Sdk.Ports.Reporting;

/// <summary>A module's part of a project's status report, as Markdown (rendered safely by the host).</summary>
public interface IStatusReportSection
{
    string Title { get; }
    int Order { get; }

    /// <summary>The section's Markdown, or null when the module has nothing to say about this project.</summary>
    Task<string?> RenderMarkdownAsync(long projectId, CancellationToken ct = default);
}
