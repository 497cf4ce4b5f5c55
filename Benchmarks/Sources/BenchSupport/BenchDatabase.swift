import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomLLM

/// A scratch database on the server of `DATABASE_URL`, migrated and loaded with the demo
/// catalog, whose pool runs until `close()` drops it. Benchmarks need it across many
/// iterations, so it is not scoped to a closure as `TestDatabase.with` is.
public final class BenchDatabase: Sendable {
    public let db: Database
    public let url: DatabaseURL
    let server: DatabaseURL
    let pool: Task<Void, Never>

    /// Creates, migrates and (unless `catalog` is false) fills a database with the demo catalog.
    public static func open(catalog: Bool = true, maxConnections: Int = 8, prefix: String = "showroom_bench") async throws -> BenchDatabase {
        guard let server = ScratchDatabase.serverURL else {
            throw ShowroomError("no_database", "DATABASE_URL is not set")
        }
        let url = try await ScratchDatabase.create(on: server, prefix: prefix)
        let bench = BenchDatabase(url: url, server: server, maxConnections: maxConnections)
        do {
            try await Migrator(db: bench.db).migrate()
            if catalog { _ = try await CatalogImporter(db: bench.db).importFolder(RepositoryPaths.catalog) }
        } catch {
            await bench.close()
            throw error
        }
        return bench
    }

    private init(url: DatabaseURL, server: DatabaseURL, maxConnections: Int) {
        let db = Database(url: url, maxConnections: maxConnections)
        self.db = db
        self.url = url
        self.server = server
        self.pool = Task { await db.run() }
    }

    /// Stops the pool and keeps the database (to measure it again later).
    public func detach() { pool.cancel() }

    /// Stops the pool and drops the database.
    public func close() async {
        pool.cancel()
        try? await ScratchDatabase.drop(url, server: server)
    }

    /// A runner over this database with the repository's agents; `models` maps backend
    /// profiles to chat models (none: every agent uses the embedded backend).
    public func runner(models: [String: any ChatModel] = [:]) async throws -> Runner {
        let registry = ToolCatalog.registry()
        let agents = try AgentCatalogStore(folder: RepositoryPaths.agents, registry: registry,
                                           profiles: Set(["default", "embedded"]).union(models.keys))
        let router = try await CatalogTurnRouter.load(db: db)
        return Runner(db: db, registry: registry, agents: agents, models: models, router: router)
    }

    /// A new widget conversation.
    public func conversation(store: String, locale: String) async throws -> UUID {
        try await ConversationRepository(db: db).create(store: StoreID(store), channel: "widget", locale: locale, vehicleContext: nil)
    }
}
