import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomLLM

/// The composition root: picks concrete types from the configuration and wires the app.
public enum ShowroomApp {
    /// Prometheus registry, bootstrapped once per process.
    public static let prometheus: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Builds the services (runner, registry, agents) over a database; `startup` is ready unless
    /// the caller still loads something (see `StartupState`).
    public static func services(config: ServerConfig, db: Database, router: any TurnRouter, models: [String: any ChatModel],
                                logger: Logger, startup: StartupState = StartupState(),
                                now: @escaping @Sendable () -> Date = { Date() }) throws -> AppServices {
        let registry = ToolCatalog.registry()
        let agents = try AgentCatalogStore(folder: URL(fileURLWithPath: config.agentsDir), registry: registry,
                                           profiles: Set(config.backends.keys))
        let runner = Runner(db: db, registry: registry, agents: agents, models: models, router: router, now: now)
        let stores = StoreCache(repo: StoreRepository(db: db))
        return AppServices(config: config, db: db, runner: runner, registry: registry, agents: agents, router: router,
                           stores: stores, tokens: SessionToken(secret: config.sessionSecret),
                           limiter: RateLimiter(enabled: config.rateLimit.enabled), origins: OriginPolicy(stores: stores),
                           logger: logger, startup: startup)
    }

    /// The HTTP router with every surface.
    public static func router(_ app: AppServices) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: CORSMiddleware(policy: app.origins))
        router.add(middleware: ErrorMiddleware())
        HealthController(app: app, prometheus: prometheus).addRoutes(to: router)
        ChatController(app: app).addRoutes(to: router)
        StaffController(app: app).addRoutes(to: router)
        MCPController(app: app).addRoutes(to: router)
        OpenAPIDocument.addRoutes(to: router)
        StaticController().addRoutes(to: router)
        return router
    }

    /// The application: the HTTP server plus the Postgres pool as a service, with graceful shutdown.
    public static func build(_ app: AppServices, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        _ = prometheus
        return Application(
            router: router(app),
            configuration: .init(address: .hostname(app.config.host, port: app.config.port), serverName: "showroom"),
            services: [app.db.client],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: app.logger)
    }
}
