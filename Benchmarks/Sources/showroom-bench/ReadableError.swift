import PostgresNIO

/// Rethrows Postgres errors with their details (PSQLError hides them from `description`).
struct ReadableError: Error, CustomStringConvertible {
    let description: String

    static func wrapping<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as PSQLError {
            throw ReadableError(description: String(reflecting: e))
        }
    }
}
