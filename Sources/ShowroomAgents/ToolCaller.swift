import Foundation
import ShowroomCore
import ShowroomData

/// Who is calling tools, and with what rights. The registry derives each call's context from it.
///
/// A customer session's caller has `scope = .customer` and a `fixedStore`: every call runs
/// against that store whatever `store_id` a model writes. A staff key's caller may be
/// limited to `allowedStores`.
public struct ToolCaller: Sendable {
    public var db: Database
    public var scope: ToolScope
    public var label: String
    public var fixedStore: StoreID?
    public var allowedStores: Set<StoreID>?
    public var conversationID: UUID?
    public var turnID: UUID?
    public var language: Language
    public var intent: Intent?
    public var now: @Sendable () -> Date
    /// The store already loaded for this turn (saves a lookup per call when a call names it).
    public var loadedStore: Store?

    public init(db: Database, scope: ToolScope, label: String, fixedStore: StoreID? = nil,
                allowedStores: Set<StoreID>? = nil, conversationID: UUID? = nil, turnID: UUID? = nil,
                language: Language = .en, intent: Intent? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db
        self.scope = scope
        self.label = label
        self.fixedStore = fixedStore
        self.allowedStores = allowedStores
        self.conversationID = conversationID
        self.turnID = turnID
        self.language = language
        self.intent = intent
        self.now = now
    }
}
