import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server (widget API, staff API, MCP, health, metrics).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let config: ServerConfig
        do {
            config = try options.load()
            try JSONLogHandler.bootstrap(config)  // before any Logger is made: JSON lines with PII masked
        } catch let e as ShowroomError { fail(e) }
        guard let url = config.databaseURL else {
            fail(ShowroomError("no_database", "Set DATABASE_URL (postgres://user:pass@host:port/db) or database_url in the config file."))
        }
        var logger = Logger(label: "showroom")
        logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
        if !config.sessionSecretConfigured {
            logger.warning("SHOWROOM_SESSION_SECRET is not set: widget sessions will not survive a restart or work across replicas")
        }
        let db = Database(url: url, maxConnections: config.dbMaxConnections, logger: logger)
        // The catalog router is loaded before listening when the database answers (so a fresh
        // server is ready as soon as it is live); when it does not (down, not migrated, wrong
        // password) the server listens anyway, /health/ready says why, and loading is retried.
        let turnRouter = SwappableTurnRouter()
        let startup = StartupState(blocker: ShowroomError("starting", "The catalog is not loaded yet.", status: 503))
        let services: AppServices
        do {
            let models = try Backends.models(config.backends, logger: logger)
            // A backend profile named `router` is asked about unclear turns only.
            let routed: any TurnRouter = models["router"].map { ModelTurnRouter(base: turnRouter, model: $0) } ?? turnRouter
            services = try ShowroomApp.services(config: config, db: db, router: routed, models: models, logger: logger, startup: startup)
        } catch let e as ShowroomError {
            fail(e)
        }
        let loader = CatalogLoader(url: url, router: turnRouter, startup: startup, logger: logger)
        await loader.attempt()
        let retries = Task { await loader.retryUntilLoaded() }
        defer { retries.cancel() }
        let log = logger
        let app = ShowroomApp.build(services) { port in
            log.info("Showroom listening", metadata: ["host": "\(config.host)", "port": "\(port)"])
        }
        try await app.runService()
    }
}

/// Loads the catalog lexicon into the serving router, on a short-lived pool of its own.
struct CatalogLoader: Sendable {
    let url: DatabaseURL
    let router: SwappableTurnRouter
    let startup: StartupState
    let logger: Logger

    /// One attempt; on failure `startup` holds the reason (as `DatabaseProblem` words it) and it is logged.
    @discardableResult
    func attempt() async -> Bool {
        do {
            var quiet = logger  // the pool's own retry lines would repeat what `DatabaseProblem` says once
            quiet.logLevel = .critical
            let loaded = try await Database(url: url, maxConnections: 1, logger: quiet).withRunning { db in
                if let problem = try await Migrator(db: db).schemaProblem() { throw problem }
                return try await CatalogTurnRouter.load(db: db)
            }
            router.replace(with: loaded)
            startup.markReady()
            return true
        } catch {
            let explained = await DatabaseProblem.explain(error, url: url) ?? (error as? ShowroomError)
                ?? ShowroomError("catalog_not_loaded", "Loading the catalog failed (\(DatabaseAvailability.summary(of: error))).", status: 503)
            let before = startup.blocker
            startup.block(explained)
            if before != explained {  // once per distinct reason, not every retry
                logger.error("catalog not loaded; not ready", metadata: ["code": "\(explained.code)", "reason": "\(explained.message)"])
            }
            return false
        }
    }

    /// Retries every 2 s until loaded or cancelled (a no-op when the first attempt worked).
    func retryUntilLoaded() async {
        while startup.blocker != nil, !Task.isCancelled {
            try? await Task.sleep(for: .seconds(2))
            if Task.isCancelled { return }
            if await attempt() { logger.info("catalog loaded; ready") }
        }
    }
}
