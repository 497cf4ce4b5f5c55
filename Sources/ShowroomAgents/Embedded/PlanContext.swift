import Foundation
import ShowroomCore

/// What the embedded backend knows about a turn, passed in `ChatRequest.metadata["plan"]`.
///
/// The runner fills it from the router's decision and the conversation profile; the
/// embedded backend plans tool calls and writes replies from it and the tool results.
public struct PlanContext: Sendable, Codable, Hashable {
    public var intent: Intent
    public var slots: Slots
    public var storeID: String
    public var currency: Currency
    public var language: Language
    public var text: String
    public var focusStock: String?
    public var lastVehicles: [String]
    /// Canonical models mentioned in this turn (for compare), `make|model`.
    public var mentions: [String]
    public var booking: BookingForm?
    public var name: String?
    public var phone: String?
    public var email: String?
    public var consent: Bool
    public var leaseRequested: Bool
    public var tradeInYear: Int?
    public var tradeInMileageKm: Int?
    public var ordinal: Int?
    /// A staff-only request of the staff assist chat (never set for customers).
    public var staffAsk: StaffAsk? = nil
    /// The model the customer named that the catalog lacks (`Slots.unknownModel`, which the
    /// routing contract's slot JSON leaves out), carried here so the embedded backend sees it.
    public var unknownModel: String? = nil

    enum CodingKeys: String, CodingKey {
        case intent, slots, currency, language, text, mentions, booking, name, phone, email, consent, ordinal
        case storeID = "store_id"
        case focusStock = "focus_stock"
        case lastVehicles = "last_vehicles"
        case leaseRequested = "lease"
        case tradeInYear = "trade_in_year"
        case tradeInMileageKm = "trade_in_mileage_km"
        case staffAsk = "staff_ask"
        case unknownModel = "unknown_model"
    }

    /// The stock unit this turn is about: named, ordinal of the last shown, focus, or first shown.
    public var targetStock: String? {
        if let s = booking?.stockNumber { return s }
        if let o = ordinal, o >= 1, o <= lastVehicles.count { return lastVehicles[o - 1] }
        return slots.stockNumber ?? focusStock ?? lastVehicles.first
    }
}

/// The structured test-drive form the widget sends with a message.
public struct BookingForm: Sendable, Codable, Hashable {
    public var stockNumber: String?
    public var start: String
    public var name: String
    public var phone: String
    public var consent: Bool

    enum CodingKeys: String, CodingKey {
        case stockNumber = "stock_number"
        case start, name, phone, consent
    }

    public init(stockNumber: String?, start: String, name: String, phone: String, consent: Bool) {
        self.stockNumber = stockNumber
        self.start = start
        self.name = name
        self.phone = phone
        self.consent = consent
    }
}
