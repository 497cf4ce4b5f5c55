import Foundation
import ShowroomCore

/// Staff roles, ordered: sales < manager < admin.
public enum StaffRole: String, Sendable, Codable, CaseIterable, Comparable {
    case sales, manager, admin

    var rank: Int { switch self { case .sales: 0; case .manager: 1; case .admin: 2 } }
    public static func < (a: StaffRole, b: StaffRole) -> Bool { a.rank < b.rank }
}

/// A staff API key as stored: only the SHA-256 hash of the secret, never the secret.
public struct StaffKey: Sendable, Hashable {
    public var id: UUID
    /// The first characters of the key (`sk_ab12cd`), safe to show and log.
    public var prefix: String
    public var role: StaffRole
    /// Empty means every store.
    public var storeIDs: [StoreID]
    public var label: String
    public var createdAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    /// Whether this key may act for a store.
    public func allows(_ store: StoreID) -> Bool { storeIDs.isEmpty || storeIDs.contains(store) }

    /// The stores this key is limited to, or nil for all.
    public var storeScope: Set<StoreID>? { storeIDs.isEmpty ? nil : Set(storeIDs) }
}
