import Foundation
import ShowroomCore

/// A sales lead captured by the assistant (or staff), deduplicated by contact per store.
public struct Lead: Sendable, Hashable {
    public var id: UUID
    public var storeID: StoreID
    public var name: String
    public var phone: String?
    public var email: String?
    public var interest: String
    public var status: String
    public var stockNumber: String?
    public var vin: String?
    public var vehicle: JSONValue?
    public var conversationID: UUID?
    public var note: String?
    public var createdAt: Date
    public var updatedAt: Date

    /// Staff view JSON.
    public var json: JSONValue {
        let f = ISO8601DateFormatter()
        var o: [String: JSONValue] = [
            "id": .string(id.uuidString.lowercased()), "store_id": .string(storeID.rawValue), "name": .string(name),
            "interest": .string(interest), "status": .string(status),
            "created_at": .string(f.string(from: createdAt)), "updated_at": .string(f.string(from: updatedAt)),
        ]
        o["phone"] = phone.map { .string($0) } ?? .null
        o["email"] = email.map { .string($0) } ?? .null
        o["stock_number"] = stockNumber.map { .string($0) } ?? .null
        o["vin"] = vin.map { .string($0) } ?? .null
        o["vehicle"] = vehicle ?? .null
        o["conversation_id"] = conversationID.map { .string($0.uuidString.lowercased()) } ?? .null
        o["note"] = note.map { .string($0) } ?? .null
        return .object(o)
    }

    /// The dedupe key: digits of the phone (with country code when given), else the lower-cased email.
    public static func contactKey(phone: String?, email: String?) -> String? {
        if let p = phone?.filter(\.isNumber), p.count >= 7 { return "tel:" + p }
        if let e = email?.trimmingCharacters(in: .whitespaces).lowercased(), e.contains("@") { return "mail:" + e }
        return nil
    }

    /// How specific an interest is, so a later, vaguer call never downgrades a lead:
    /// test-drive 2, lease and trade-in 1, buy (the default) 0.
    public static func interestRank(_ interest: String) -> Int {
        switch interest {
        case "test-drive": 2
        case "lease", "trade-in": 1
        default: 0
        }
    }

    /// `interestRank` as SQL over a column (the same table as the function above).
    static func interestRankSQL(_ column: String) -> String {
        "(CASE \(column) WHEN 'test-drive' THEN 2 WHEN 'lease' THEN 1 WHEN 'trade-in' THEN 1 ELSE 0 END)"
    }
}
