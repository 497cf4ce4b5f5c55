import Foundation
import ShowroomCore

/// A parsed `postgres://user:pass@host:port/db` URL (api.md, `DATABASE_URL`).
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// `sslmode=require|prefer|disable` from the query string; loopback defaults to disable.
    public var sslMode: String

    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, sslMode: String = "disable") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.sslMode = sslMode
    }

    /// Parses a URL; throws a presentable error naming what is wrong.
    public init(_ text: String) throws {
        guard let c = URLComponents(string: text), let scheme = c.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw ShowroomError("invalid_database_url", "DATABASE_URL must look like postgres://user:pass@host:port/db")
        }
        guard let host = c.host, !host.isEmpty, let user = c.user, !user.isEmpty else {
            throw ShowroomError("invalid_database_url", "DATABASE_URL needs a user and a host")
        }
        let db = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        guard !db.isEmpty else { throw ShowroomError("invalid_database_url", "DATABASE_URL needs a database name") }
        let mode = c.queryItems?.first(where: { $0.name == "sslmode" })?.value
        self.init(host: host, port: c.port ?? 5432, username: user.removingPercentEncoding ?? user,
                  password: c.password?.removingPercentEncoding, database: db,
                  sslMode: mode ?? "disable")
    }

    /// The same server with another database name.
    public func with(database: String) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL without its password (for logs).
    public var description: String { "postgres://\(username):***@\(host):\(port)/\(database)" }

    /// The URL with its password (for child processes).
    public var urlString: String {
        let pass = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) } ?? ""
        return "postgres://\(username)\(pass)@\(host):\(port)/\(database)"
    }
}
