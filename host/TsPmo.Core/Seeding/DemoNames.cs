namespace TsPmo.Core.Seeding;

/// <summary>The raw material of the demo organization: people, titles, skills and project ideas of an IT department.</summary>
internal static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Chloé", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nadia", "Omar",
        "Priya", "Quentin", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wen", "Yusuf", "Zoe", "Aarav", "Bianca", "Carlos", "Dana", "Emil",
    ];

    public static readonly string[] LastNames =
    [
        "Silva", "Okafor", "Martin", "Patel", "Yılmaz", "Adeyemi", "Lindqvist", "Tanaka", "García", "Becker", "Mensah", "Novak", "Rossi",
        "Haddad", "Khan", "Sharma", "Dubois", "Costa", "Nilsson", "Walsh", "Iyer", "Petrov", "Chen", "Aydın", "Murphy",
    ];

    public static readonly (string Title, string[] Skills)[] Roles =
    [
        ("Project Manager", ["Planning", "Stakeholder management", "Risk management"]),
        ("Scrum Master", ["Scrum", "Facilitation", "Coaching"]),
        ("Product Owner", ["Product discovery", "Backlog management", "Stakeholder management"]),
        ("Software Engineer", ["C#", "SQL", "Azure"]),
        ("Frontend Engineer", ["TypeScript", "React", "Accessibility"]),
        ("DevOps Engineer", ["Kubernetes", "Terraform", "CI/CD"]),
        ("Data Engineer", ["SQL", "Python", "Data modelling"]),
        ("Security Engineer", ["Threat modelling", "IAM", "Compliance"]),
        ("Business Analyst", ["Requirements", "Process modelling", "SQL"]),
        ("QA Engineer", ["Test automation", "Playwright", "Exploratory testing"]),
        ("Network Engineer", ["Networking", "Firewalls", "Wi-Fi"]),
        ("Solution Architect", ["Architecture", "Integration", "Cloud"]),
    ];

    public static readonly (string Name, string Code, string[] Tags, string Summary)[] Projects =
    [
        ("CRM replacement", "CRM", ["sales", "saas"], "Replace the in-house CRM with a SaaS platform and migrate ten years of customer history."),
        ("Data warehouse migration", "DWH", ["data", "cloud"], "Move the on-premises data warehouse to a cloud lakehouse and retire the nightly batch."),
        ("Mobile banking app v3", "MOB", ["customer", "mobile"], "Rebuild the retail banking app with biometric sign-in and instant payments."),
        ("SOC 2 Type II readiness", "SOC2", ["compliance", "security"], "Close the control gaps found in the readiness assessment before the audit window."),
        ("Campus network refresh", "NET", ["infrastructure"], "Replace end-of-life switches and Wi-Fi access points across three buildings."),
        ("Customer self-service portal", "PRT", ["customer", "web"], "Let customers manage contracts, invoices and tickets without calling support."),
        ("ERP upgrade", "ERP", ["finance", "erp"], "Upgrade the ERP to the vendor's supported release and remove custom code."),
        ("Kubernetes platform", "K8S", ["platform", "cloud"], "Give every team a paved road to ship containers with observability built in."),
        ("API gateway rollout", "API", ["platform", "integration"], "Put every partner-facing API behind one gateway with keys, quotas and analytics."),
        ("Payroll integration", "PAY", ["hr", "integration"], "Integrate the new payroll provider with HR and finance systems."),
        ("Identity and SSO", "IAM", ["security"], "Single sign-on and MFA for every internal application."),
        ("Office move IT", "MOVE", ["infrastructure", "facilities"], "Fit out the new office: network, meeting rooms, printers, desk booking."),
        ("Observability stack", "OBS", ["platform"], "Traces, metrics and logs in one place with SLOs for the top 20 services."),
        ("Contract management system", "CLM", ["legal", "saas"], "Digital contract lifecycle from request to renewal."),
        ("Disaster recovery test", "DR", ["infrastructure", "risk"], "Prove a four-hour recovery of the core systems in the secondary region."),
    ];
}
