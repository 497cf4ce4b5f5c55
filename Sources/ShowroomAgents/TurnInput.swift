import Foundation
import ShowroomCore

/// One customer (or staff) message to answer.
public struct TurnInput: Sendable {
    public var conversationID: UUID
    public var text: String
    public var booking: BookingForm?
    /// `.customer` for the widget; `.staff` for the staff assist chat (adds staff-only tools).
    public var scope: ToolScope
    public var callerLabel: String
    public var allowedStores: Set<StoreID>?
    /// Tools never offered to the agents this turn, whatever their definitions list (a staff
    /// key's role may be below a tool's least role).
    public var deniedTools: Set<String>

    public init(conversationID: UUID, text: String, booking: BookingForm? = nil, scope: ToolScope = .customer,
                callerLabel: String = "widget", allowedStores: Set<StoreID>? = nil, deniedTools: Set<String> = []) {
        self.conversationID = conversationID
        self.text = text
        self.booking = booking
        self.scope = scope
        self.callerLabel = callerLabel
        self.allowedStores = allowedStores
        self.deniedTools = deniedTools
    }

    /// Longest message accepted, in characters.
    public static let maxLength = 2000
}
