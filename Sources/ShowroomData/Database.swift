import Foundation
import Logging
import NIOSSL
import PostgresNIO
import ShowroomCore

/// The Postgres connection pool every store uses.
///
/// Wraps `PostgresClient`, which must be running (`run()`) for queries to proceed; the
/// server adds it as a service, commands and tests run it in a task (`withRunning`).
public struct Database: Sendable {
    public let client: PostgresClient
    public let url: DatabaseURL
    public let logger: Logger

    public init(url: DatabaseURL, maxConnections: Int = 20, logger: Logger = Logger(label: "showroom.db")) {
        var config = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password,
            database: url.database,
            tls: url.sslMode == "disable" ? .disable : (url.sslMode == "require"
                ? .require(.makeClientConfiguration()) : .prefer(.makeClientConfiguration())))
        config.options.maximumConnections = maxConnections
        config.options.minimumConnections = 0
        config.options.connectionIdleTimeout = .seconds(60)
        self.client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.url = url
        self.logger = logger
    }

    /// Runs the pool until cancelled.
    public func run() async {
        await client.run()
    }

    /// Runs `body` with the pool running, then shuts the pool down.
    public func withRunning<T: Sendable>(_ body: @Sendable (Database) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// An error thrown by `body` is rethrown as is (not wrapped), so callers see their own errors.
    public func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { conn in try await body(conn) }
        } catch let e as PostgresTransactionError {
            if let inner = e.closureError { throw inner }
            throw e
        }
    }

    /// Runs one query and collects its rows.
    @discardableResult
    public func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        var out: [PostgresRow] = []
        for try await row in try await client.query(query, logger: logger) { out.append(row) }
        return out
    }

    /// Runs one statement, discarding rows.
    public func execute(_ query: PostgresQuery) async throws {
        try await client.query(query, logger: logger)
    }
}

extension PostgresConnection {
    /// Collects the rows of one query on this connection (inside a transaction).
    @discardableResult
    public func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        var out: [PostgresRow] = []
        for try await row in try await self.query(query, logger: logger) { out.append(row) }
        return out
    }
}
