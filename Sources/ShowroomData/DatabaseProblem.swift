import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import ShowroomCore

/// Turns a database failure into a `ShowroomError` an operator can act on.
///
/// postgres-nio reports server errors as a `PSQLError` whose description deliberately hides the
/// server's message, and its pool retries a connection that cannot be made until our request
/// times out (`database_unavailable`), which hides WHY it cannot be made: a wrong password and a
/// missing database look like a server that is briefly down. `explain` reads the SQLSTATE and,
/// for an unreachable pool, opens one direct connection to learn the real cause:
///
/// | cause                                   | code                 |
/// |-----------------------------------------|----------------------|
/// | table missing (42P01), e.g. not migrated | `not_migrated`       |
/// | password or role refused (28P01, 28000) | `database_auth`      |
/// | database does not exist (3D000)         | `database_missing`   |
/// | connection refused, host unknown, down  | `database_unavailable` |
///
/// Messages name host, port, database and user (never the password) and the command that fixes it.
public enum DatabaseProblem {
    /// A clear error for `error`, raised while using the database at `url`; nil when `error` is
    /// not a database failure (a `ShowroomError` other than `database_unavailable`, say).
    public static func explain(_ error: any Error, url: DatabaseURL) async -> ShowroomError? {
        if let known = fromServer(error, url: url) { return known }
        guard DatabaseAvailability.isConnectionFailure(error) else { return nil }
        return await probe(url) ?? DatabaseAvailability.unavailable
    }

    /// The error for a server-side SQLSTATE we know how to explain, or nil.
    static func fromServer(_ error: any Error, url: DatabaseURL) -> ShowroomError? {
        if let e = error as? PostgresTransactionError {
            return [e.beginError, e.closureError, e.commitError].lazy.compactMap { $0.flatMap { fromServer($0, url: url) } }.first
        }
        guard let e = error as? PSQLError, e.code == .server, let state = e.serverInfo?[.sqlState] else { return nil }
        let place = "database '\(url.database)' on \(url.host):\(url.port)"
        switch state {
        case "42P01":
            return ShowroomError("not_migrated",
                "The \(place) lacks Showroom's tables: run `showroom migrate` first (with the same DATABASE_URL).", status: 503)
        case "28P01", "28000":
            return ShowroomError("database_auth",
                "PostgreSQL at \(url.host):\(url.port) refused user '\(url.username)' for database '\(url.database)' "
                    + "(wrong password, no such role, or pg_hba.conf does not allow it; SQLSTATE \(state)). Fix DATABASE_URL.",
                status: 503)
        case "3D000":
            return ShowroomError("database_missing",
                "The \(place) does not exist: create it (createdb -h \(url.host) -p \(url.port) -U \(url.username) \(url.database)) "
                    + "or fix DATABASE_URL, then run `showroom migrate`.", status: 503)
        default:
            return nil
        }
    }

    /// Connects once, directly, and explains why that fails; nil when it succeeds (the failure
    /// was passing) or fails for a reason we cannot name better than `database_unavailable`.
    static func probe(_ url: DatabaseURL) async -> ShowroomError? {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = url.sslMode == "disable" ? .disable : (url.sslMode == "require"
                ? .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                : .prefer(try NIOSSLContext(configuration: .makeClientConfiguration())))
        } catch {
            return nil
        }
        var config = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username,
                                                      password: url.password, database: url.database, tls: tls)
        config.options.connectTimeout = .seconds(5)
        var logger = Logger(label: "showroom.db.probe")
        logger.logLevel = .critical
        do {
            let conn = try await PostgresConnection.connect(configuration: config, id: 0, logger: logger)
            try? await conn.close()
            return nil
        } catch {
            if let known = fromServer(error, url: url) { return known }
            let detail = (error as? PSQLError)?.underlying.map { String(describing: $0) } ?? String(describing: type(of: error))
            let cause = detail.localizedCaseInsensitiveContains("connection refused") ? "connection refused" : detail
            return ShowroomError("database_unavailable",
                "Cannot connect to PostgreSQL at \(url.host):\(url.port) (\(cause)). Is it running and reachable? "
                    + "For the local development cluster: deploy/dev/pg.sh start.", status: 503)
        }
    }
}
