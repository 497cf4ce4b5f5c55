import Foundation
import ShowroomCore
import ShowroomData

/// The embedded router with a lexicon built from the dealer's catalog in the database
/// (canonical names, Chinese names, aliases). Load it at start and after a catalog import.
public struct CatalogTurnRouter: TurnRouter {
    public let router: EmbeddedRouter

    public init(router: EmbeddedRouter) { self.router = router }

    public static func load(db: Database) async throws -> CatalogTurnRouter {
        let entries = try await CatalogRepository(db: db).nameEntries().map {
            LexiconEntry(make: $0.make, model: $0.model, names: $0.names)
        }
        return CatalogTurnRouter(router: EmbeddedRouter(lexicon: Lexicon(entries: entries)))
    }

    public func route(_ text: String) async -> RouteDecision { router.route(text) }

    public func route(_ text: String, context: RouteContext) async -> RouteDecision { router.route(text, context: context) }

    public func mentions(_ text: String) async -> [String] {
        var seen = Set<String>()
        return router.mentions(text).compactMap { m in
            guard m.model != nil, seen.insert(m.key).inserted else { return nil }
            return m.key
        }
    }
}
