import Foundation
import PostgresNIO
import _ConnectionPoolModule
import ShowroomCore

/// Whether PostgreSQL is believed reachable, so requests fail fast with 503 while it is not.
///
/// postgres-nio's pool queues a connection request while it cannot connect and fails it only
/// when its circuit breaker trips (60 s). `Database` bounds every connection request by
/// `timeout`: `acquireTimeout` (5 s) while the database is believed up, `probeTimeout`
/// (300 ms) after a connection-class failure was seen. A request that gets a connection marks
/// the database up again, so recovery needs no restart and no separate probe: the pool keeps
/// reconnecting in the background and the next request that gets through flips the state.
public final class DatabaseAvailability: @unchecked Sendable {
    private let lock = NSLock()
    private var down = false
    /// How long a request may wait for a connection while the database is believed up.
    public let acquireTimeout: Duration
    /// How long a request may wait for a connection while the database is believed down.
    public let probeTimeout: Duration

    public init(acquireTimeout: Duration = .seconds(5), probeTimeout: Duration = .milliseconds(300)) {
        self.acquireTimeout = acquireTimeout
        self.probeTimeout = probeTimeout
    }

    /// True after a connection-class failure until a request gets a connection again.
    public var isDown: Bool { lock.withLock { down } }

    /// The wait allowed for the next connection request.
    public var timeout: Duration { isDown ? probeTimeout : acquireTimeout }

    func markDown() { lock.withLock { down = true } }
    func markUp() { lock.withLock { if down { down = false } } }

    /// The error a request gets when no connection could be had: 503 `database_unavailable`.
    public static let unavailable = ShowroomError(
        "database_unavailable", "The database is unavailable; try again shortly.", status: 503)

    /// SQLSTATEs that mean the server, not the statement, is the problem: shutting down
    /// (57P01–57P03), too many connections (53300); class 08 (connection exceptions) counts too.
    static let unavailableStates: Set<String> = ["57P01", "57P02", "57P03", "53300"]

    /// Whether `error` means PostgreSQL is out of reach (connection refused, closed, pool
    /// failing, server shutting down) rather than that a statement was wrong.
    public static func isConnectionFailure(_ error: any Error) -> Bool {
        switch error {
        case let e as ShowroomError:
            return e.code == unavailable.code
        case let e as ConnectionPoolError:
            return e != .requestCancelled
        case let e as PostgresTransactionError:
            return [e.beginError, e.closureError, e.commitError].contains { $0.map(isConnectionFailure) ?? false }
        case let e as PSQLError:
            switch e.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown:
                return true
            case .server:
                let state = e.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || unavailableStates.contains(state)
            default:
                return false
            }
        default:
            return false
        }
    }

    /// A loggable summary of a database error: type, postgres-nio code and SQLSTATE only.
    /// Never the query, its binds or the server's detail, which can hold customer data.
    public static func summary(of error: any Error) -> String {
        switch error {
        case let e as PostgresTransactionError:
            let parts = [("begin", e.beginError), ("closure", e.closureError), ("commit", e.commitError)]
                .compactMap { name, inner in inner.map { "\(name): \(summary(of: $0))" } }
            return "PostgresTransactionError(\(parts.joined(separator: ", ")))"
        case let e as PSQLError:
            let state = e.serverInfo?[.sqlState].map { ", sqlState: \($0)" } ?? ""
            return "PSQLError(code: \(e.code)\(state))"
        case let e as ShowroomError:
            return e.code
        default:
            return String(reflecting: type(of: error))
        }
    }
}
