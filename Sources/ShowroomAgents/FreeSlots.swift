import Foundation
import ShowroomCore
import ShowroomData

/// Free test-drive starts for a store (and a unit), as ISO 8601 strings in the store's time zone.
public enum FreeSlots {
    public static func next(db: Database, store: Store, stockNumber: String?, days: Int, now: Date, limit: Int = 24) async throws -> [String] {
        let slots = try TestDriveSlots(hours: store.hours, timeZone: store.timezone, slotMinutes: store.testDriveMinutes)
        var unitID: Int64?
        if let s = stockNumber {
            guard let unit = try await InventoryRepository(db: db).unit(store: store.id, stockNumber: s) else {
                throw ShowroomError("unknown_vehicle", "No vehicle '\(s)' at this store.", status: 404)
            }
            unitID = unit.id
        }
        let bookings = try await AppointmentRepository(db: db).bookings(store: store.id, unitID: unitID, from: now,
                                                                        to: now.addingTimeInterval(Double(days + 1) * 86400))
        return try slots.freeSlots(now: now, days: days, bookings: bookings).prefix(limit).map { iso($0.start, store.timeZone) }
    }

    static func iso(_ date: Date, _ zone: TimeZone) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = zone
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
