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
    /// Bounds the wait for a connection, so requests fail fast (503) while Postgres is down.
    public let availability: DatabaseAvailability

    public init(url: DatabaseURL, maxConnections: Int = 20, logger: Logger = Logger(label: "showroom.db"),
                availability: DatabaseAvailability = DatabaseAvailability()) {
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
        self.availability = availability
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
        try await withConnection { conn in
            do {
                return try await conn.withTransaction(logger: logger) { conn in try await body(conn) }
            } catch let e as PostgresTransactionError {
                if let inner = e.closureError { throw inner }
                throw e
            }
        }
    }

    /// Runs one query and collects its rows.
    @discardableResult
    public func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await withConnection { conn in try await conn.rows(query, logger: logger) }
    }

    /// Runs one statement, discarding rows.
    public func execute(_ query: PostgresQuery) async throws {
        try await withConnection { conn in _ = try await conn.query(query, logger: logger) }
    }

    /// Runs `body` on a pooled connection. Waiting for the connection is bounded by
    /// `availability.timeout`; past it the request fails with 503 `database_unavailable`
    /// (the pool itself would queue it until its circuit breaker trips after 60 s).
    /// Connection-class failures mark the database down; a granted connection marks it up.
    public func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let (granted, grant) = AsyncThrowingStream.makeStream(of: PostgresConnection.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let timeout = availability.timeout
        do {
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await client.withConnection { conn in
                            grant.yield(conn)
                            for await _ in released {}
                        }
                    } catch {
                        grant.finish(throwing: error)
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    if !Task.isCancelled { grant.finish(throwing: DatabaseAvailability.unavailable) }
                }
                defer {
                    release.finish()
                    group.cancelAll()
                }
                var connections = granted.makeAsyncIterator()
                guard let conn = try await connections.next() else { throw DatabaseAvailability.unavailable }
                availability.markUp()
                return try await body(conn)
            }
        } catch {
            if DatabaseAvailability.isConnectionFailure(error) {
                availability.markDown()
                if !(error is ShowroomError) { logger.warning("database unavailable", metadata: ["error": .string(DatabaseAvailability.summary(of: error))]) }
            }
            throw error
        }
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
