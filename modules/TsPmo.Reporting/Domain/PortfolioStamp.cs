using TsPmo.Sdk.Ports.Changes;

namespace TsPmo.Reporting.Domain;

/// <summary>
/// A cheap version of everything the portfolio view reads (ADR 0010): the data version (moves with every audited change,
/// and with the projects' own rows written without an audit entry), the enabled modules (whose signals count), and
/// "today" (date-based rules move at midnight without any edit).
/// </summary>
public sealed record PortfolioStamp(DataVersion Data, string EnabledModules, DateOnly Today);
