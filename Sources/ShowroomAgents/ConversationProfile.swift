import Foundation
import ShowroomCore

/// What the assistant remembers about a customer across turns (stored in `conversations.profile`).
///
/// Slots accumulate (`Slots.merged(with:)`) so "那七座的呢" refines the last search; the
/// vehicles last shown let "the first one" and "落地价多少" refer to a concrete unit.
public struct ConversationProfile: Sendable, Codable, Hashable {
    public var slots: Slots = Slots()
    public var lastIntent: Intent?
    /// Stock numbers shown in the last answer with vehicle cards, in order.
    public var lastVehicles: [String] = []
    /// The unit the customer is talking about (a card clicked, a quote asked, the page's vehicle).
    public var focusStock: String?
    /// The lowest price among the vehicles last shown (whole units), for "cheaper ones?".
    public var cheapestShown: Int?
    public var language: Language?
    public var name: String?
    public var phone: String?
    public var email: String?
    public var consent: Bool?
    /// The lead captured while the customer waited for staff (captured once per conversation).
    public var leadID: String?
    /// Intents of past turns, most recent last (bounded), for the summary.
    public var history: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case slots
        case lastIntent = "last_intent"
        case lastVehicles = "last_vehicles"
        case focusStock = "focus_stock"
        case cheapestShown = "cheapest_shown"
        case leadID = "lead_id"
        case language, name, phone, email, consent, history
    }

    public init(json: JSONValue) {
        self = (try? json.decode(as: ConversationProfile.self)) ?? ConversationProfile()
    }

    public var json: JSONValue { (try? JSONValue(encoding: self)) ?? [:] }

    /// A one-paragraph summary for a model's context: what the customer wants so far.
    public var summary: String {
        var parts: [String] = []
        if let s = try? JSONValue(encoding: slots), s != [:] { parts.append("Customer profile: \(s.jsonString())") }
        if !lastVehicles.isEmpty { parts.append("Vehicles last shown: \(lastVehicles.prefix(5).joined(separator: ", "))") }
        if let f = focusStock { parts.append("Vehicle in focus: \(f)") }
        if !history.isEmpty { parts.append("Topics so far: \(history.suffix(8).joined(separator: ", "))") }
        return parts.joined(separator: ". ")
    }
}
