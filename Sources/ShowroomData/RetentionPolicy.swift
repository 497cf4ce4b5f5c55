import Foundation
import ShowroomCore

/// A store's data-retention policy, read from `stores.settings`:
/// `lead_retention` (`anonymize`, the default, or `delete`) applies to conversations and
/// leads alike; `retention_days` (default 180) is how long they are kept after their last
/// activity. An unknown `lead_retention` value falls back to `anonymize`, the action that
/// keeps the most (statistics survive, identities do not).
public struct RetentionPolicy: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        case anonymize, delete
    }

    public var action: Action
    public var period: RetentionPeriod

    public init(action: Action, period: RetentionPeriod) {
        self.action = action
        self.period = period
    }

    /// The policy in a store's settings (`lead_retention`, `retention_days`).
    public init(settings: JSONValue) {
        action = settings["lead_retention"]?.stringValue.flatMap { Action(rawValue: $0.lowercased()) } ?? .anonymize
        let days = settings["retention_days"]?.intValue ?? settings["retention_days"]?.stringValue.flatMap { Int($0) }
        period = days.flatMap { $0 > 0 ? RetentionPeriod(days: $0) : nil } ?? .standard
    }
}
