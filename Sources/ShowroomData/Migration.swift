/// One versioned schema change. Applied in its own transaction and recorded in
/// `schema_migrations`; versions are dense and increasing.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

extension Migration {
    /// Every migration this binary knows, oldest first.
    public static let all: [Migration] = [.v1Schema, .v2SearchIndexes, .v3ConversationOwner]

    /// The newest schema version this binary understands.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
