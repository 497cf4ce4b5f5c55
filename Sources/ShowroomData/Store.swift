import Foundation
import ShowroomCore

/// A dealership store as configured in `catalog/stores.yaml` and held in `stores`.
///
/// `taxProfile` and `settings` stay JSON here; pricing code decodes them into typed
/// values (`TaxProfile`) where it uses them.
public struct Store: Sendable, Hashable, Codable {
    public var id: StoreID
    public var name: String
    public var nameZh: String?
    public var city: String
    public var currency: Currency
    public var locale: String
    public var timezone: String
    public var address: String
    public var phone: String
    public var email: String?
    /// Opening hours by weekday key (`mon`...`sun`): `"09:00-21:00"` or `"closed"`.
    public var hours: [String: String]
    public var taxProfile: JSONValue
    public var allowedOrigins: [String]
    public var publishableKey: String
    public var settings: JSONValue

    public init(id: StoreID, name: String, nameZh: String?, city: String, currency: Currency, locale: String,
                timezone: String, address: String, phone: String, email: String?, hours: [String: String],
                taxProfile: JSONValue, allowedOrigins: [String], publishableKey: String, settings: JSONValue) {
        self.id = id
        self.name = name
        self.nameZh = nameZh
        self.city = city
        self.currency = currency
        self.locale = locale
        self.timezone = timezone
        self.address = address
        self.phone = phone
        self.email = email
        self.hours = hours
        self.taxProfile = taxProfile
        self.allowedOrigins = allowedOrigins
        self.publishableKey = publishableKey
        self.settings = settings
    }

    /// The store's display name in a language.
    public func displayName(_ language: Language) -> String {
        language == .zh ? (nameZh ?? name) : name
    }

    /// Whether the assistant answers customers (a store may switch it off).
    public var assistantEnabled: Bool { settings["assistant_enabled"]?.boolValue ?? true }

    /// Length of a test drive slot in minutes.
    public var testDriveMinutes: Int { settings["test_drive_minutes"]?.intValue ?? 45 }

    /// The store's time zone (UTC when the configured name is unknown).
    public var timeZone: TimeZone { TimeZone(identifier: timezone) ?? .gmt }
}
