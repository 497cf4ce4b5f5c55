import ArgumentParser
import Foundation
import Logging
import ShowroomCore
import ShowroomData
import ShowroomServer

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (YAML); the environment overrides it.")
    var config: String?

    func load() throws -> ServerConfig {
        try ServerConfig.load(file: config)
    }

    /// Runs `body` with a running pool on the configured database. With `requireSchema` (all but
    /// `migrate`) it first refuses a database whose schema this binary cannot use (`not_migrated`,
    /// `database_newer_than_binary`). Database failures come out as clear `ShowroomError`s
    /// (`DatabaseProblem`: not migrated, wrong password, missing database, server unreachable).
    func withDatabase<T: Sendable>(requireSchema: Bool = true, _ body: @Sendable (ServerConfig, Database) async throws -> T) async throws -> T {
        let cfg = try load()
        guard let url = cfg.databaseURL else {
            throw ShowroomError("no_database", "Set DATABASE_URL (postgres://user:pass@host:port/db) or database_url in the config file.")
        }
        var logger = Logger(label: "showroom.db")
        logger.logLevel = .critical
        do {
            return try await Database(url: url, maxConnections: cfg.dbMaxConnections, logger: logger).withRunning { db in
                if requireSchema, let problem = try await Migrator(db: db).schemaProblem() { throw problem }
                return try await body(cfg, db)
            }
        } catch {
            throw await DatabaseProblem.explain(error, url: url) ?? error
        }
    }
}

/// Prints a ShowroomError in the error shape to stderr and exits with `code`.
func fail(_ e: ShowroomError, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data((e.json.jsonString() + "\n").utf8))
    exit(code)
}
