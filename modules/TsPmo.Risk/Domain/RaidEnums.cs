namespace TsPmo.Risk.Domain;

public enum IssueSeverity { Low, Medium, High, Critical }

public enum IssueStatus { Open, InProgress, Resolved, Closed }

public enum DependencyStatus { Open, OnTrack, AtRisk, Late, Delivered }
