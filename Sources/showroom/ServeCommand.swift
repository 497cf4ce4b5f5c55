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
        let services: AppServices
        do {
            // A short-lived pool loads the lexicon; the app's pool runs as a service of the app.
            let router = try await Database(url: url, maxConnections: 1, logger: logger).withRunning { db in
                try await CatalogTurnRouter.load(db: db)
            }
            let models = try Backends.models(config.backends, logger: logger)
            // A backend profile named `router` is asked about unclear turns only.
            let turnRouter: any TurnRouter = models["router"].map { ModelTurnRouter(base: router, model: $0) } ?? router
            services = try ShowroomApp.services(config: config, db: db, router: turnRouter, models: models, logger: logger)
        } catch let e as ShowroomError {
            fail(e)
        }
        let log = logger
        let app = ShowroomApp.build(services) { port in
            log.info("Showroom listening", metadata: ["host": "\(config.host)", "port": "\(port)"])
        }
        try await app.runService()
    }
}
