namespace TsPmo.Core.Documents;

public enum DiffLineKind { Unchanged, Inserted, Deleted }
