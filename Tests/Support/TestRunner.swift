import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomLLM

/// A runner over a test database with the demo catalog, the repository's agents and the given
/// models (none: every agent uses the embedded backend).
public enum TestRunner {
    public static func make(db: Database, models: [String: any ChatModel] = [:], now: @escaping @Sendable () -> Date = { Date() }) async throws -> Runner {
        let registry = ToolCatalog.registry()
        let agents = try AgentCatalogStore(folder: TestDatabase.repoRoot.appendingPathComponent("agents"), registry: registry,
                                           profiles: Set(["default", "embedded"]).union(models.keys))
        let router = try await CatalogTurnRouter.load(db: db)
        return Runner(db: db, registry: registry, agents: agents, models: models, router: router, now: now)
    }

    /// A new widget conversation at a store.
    public static func conversation(db: Database, store: StoreID, locale: String) async throws -> UUID {
        try await ConversationRepository(db: db).create(store: store, channel: "widget", locale: locale, vehicleContext: nil)
    }
}
