import Foundation
import ShowroomCore

extension Store {
    /// When the assistant answers: `settings.assistant_enabled`, `settings.quiet_hours` (store-local
    /// `HH:MM-HH:MM`) and the opening hours, in the store's time zone. Values that do not parse
    /// count as absent (the settings API and the catalog importer refuse them).
    public var assistantSchedule: AssistantSchedule {
        AssistantSchedule(enabled: assistantEnabled,
                          quietHours: settings["quiet_hours"]?.stringValue.flatMap { try? QuietHours($0) },
                          hours: (try? StoreHours(hours)) ?? (try! StoreHours([:])), timeZone: timeZone)
    }
}
