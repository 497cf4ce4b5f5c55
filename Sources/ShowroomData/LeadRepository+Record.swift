import Foundation
import ShowroomCore

/// One lead as staff read it: contact, consent, interest, pipeline status and the vehicle asked about.
///
/// Anonymized leads keep their row (for counts) but carry no contact data.
public struct LeadRecord: Sendable, Hashable {
    public var id: UUID
    public var storeID: StoreID
    public var name: String
    public var phone: String?
    public var email: String?
    public var consent: Bool
    public var consentAt: Date
    /// `buy`, `lease`, `trade-in` or `test-drive`.
    public var interest: String
    /// `new`, `contacted`, `qualified`, `won` or `lost`.
    public var status: String
    public var stockNumber: String?
    public var vin: String?
    /// The vehicle snapshot taken when the lead was captured (year, make, model, trim, price), if any.
    public var vehicle: JSONValue?
    public var conversationID: UUID?
    public var note: String?
    public var anonymized: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// The staff API shape (`Lead` in /openapi.json).
    public var json: JSONValue {
        let f = ISO8601DateFormatter()
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return [
            "id": .string(id.uuidString.lowercased()), "store_id": .string(storeID.rawValue), "name": .string(name),
            "phone": opt(phone), "email": opt(email), "consent": .bool(consent), "consent_at": .string(f.string(from: consentAt)),
            "interest": .string(interest), "status": .string(status), "stock_number": opt(stockNumber), "vin": opt(vin),
            "vehicle": vehicle ?? .null, "conversation_id": opt(conversationID?.uuidString.lowercased()), "note": opt(note),
            "anonymized": .bool(anonymized), "created_at": .string(f.string(from: createdAt)),
            "updated_at": .string(f.string(from: updatedAt)),
        ]
    }
}
