import Foundation
import ShowroomCore

/// A turn router whose implementation is replaced once it can be built: `showroom serve` starts
/// with the embedded router over an empty lexicon (intents and slots still work, names of makes
/// and models are not recognized) and swaps in the catalog router when the database answers.
public final class SwappableTurnRouter: TurnRouter, @unchecked Sendable {
    private let lock = NSLock()
    private var base: any TurnRouter

    public init(_ initial: any TurnRouter = CatalogTurnRouter(router: EmbeddedRouter(lexicon: Lexicon(entries: [])))) {
        base = initial
    }

    public var current: any TurnRouter { lock.withLock { base } }

    public func replace(with router: any TurnRouter) { lock.withLock { base = router } }

    public func route(_ text: String) async -> RouteDecision { await current.route(text) }

    public func route(_ text: String, context: RouteContext) async -> RouteDecision { await current.route(text, context: context) }

    public func mentions(_ text: String) async -> [String] { await current.mentions(text) }
}
