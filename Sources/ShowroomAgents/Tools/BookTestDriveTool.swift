import Foundation
import ShowroomCore
import ShowroomData

/// `book_test_drive`: books (or, with `appointment_id`, reschedules) a test drive inside the
/// store's hours without double-booking the unit, records the customer as a lead, and
/// returns a confirmation in the customer's language.
struct BookTestDriveTool: Tool {
    let name = "book_test_drive"
    let description = "Book a test drive for a stock unit (or a make+model) at a start time inside store hours, with the customer's name, phone and consent. Pass appointment_id to reschedule."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "stock_number": Schema.stockNumber,
        "make": Schema.string("Make"),
        "model": Schema.string("Model"),
        "name": Schema.string("Customer name", maxLength: 100),
        "phone": Schema.string("Customer phone", maxLength: 30),
        "start": Schema.string("Start, ISO 8601 with offset, e.g. 2026-11-28T10:00:00+08:00", maxLength: 40),
        "consent": Schema.bool("The customer agrees to be contacted (must be true)"),
        "appointment_id": Schema.string("Existing appointment to reschedule", maxLength: 40),
    ], required: ["store_id", "name", "phone", "start", "consent"], anyOf: [["stock_number"], ["model"]])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        guard args.bool("consent") == true else {
            throw ShowroomError("consent_required", "The customer's explicit consent to be contacted is required to book.")
        }
        let name = try args.require("name"), phone = try args.require("phone")
        guard phone.filter(\.isNumber).count >= 7 else { throw ShowroomError.invalid("phone must have at least 7 digits") }
        guard let start = Self.parseDate(try args.require("start")) else {
            throw ShowroomError.invalid("start must be ISO 8601 with an offset, e.g. 2026-11-28T10:00:00+08:00")
        }
        let inventory = InventoryRepository(db: ctx.db)
        var unit: VehicleRecord?
        if let s = args.string("stock_number") {
            unit = try await inventory.unit(store: store.id, stockNumber: s)
            guard unit != nil else { throw ShowroomError("unknown_vehicle", "No vehicle '\(s)' at this store.", status: 404) }
        } else {
            // Only the asked model is ever booked: an unknown or ambiguous name is an error.
            let asked = [args.string("make"), args.string("model")].compactMap { $0 }.joined(separator: " ")
            let r = try await CatalogRepository(db: ctx.db).match(make: args.string("make"), model: args.string("model")).requireOne(asked: asked)
            var f = InventoryFilter(storeID: store.id)
            f.make = r.make
            f.model = r.model
            unit = try await inventory.search(f, limit: 1).vehicles.first
            guard unit != nil else { throw ShowroomError("unknown_vehicle", "No \(r.make) \(r.model) in stock for a test drive.", status: 404) }
        }
        guard let u = unit, u.status == .available || u.status == .hold else {
            throw ShowroomError("vehicle_unavailable", "That vehicle is no longer available for test drives.", status: 409)
        }
        let slots = try TestDriveSlots(hours: store.hours, timeZone: store.timezone, slotMinutes: store.testDriveMinutes)
        var replacing: UUID?
        if let raw = args.string("appointment_id") {
            // A malformed id is an error, never a silent second booking.
            guard let id = UUID(uuidString: raw.trimmed) else {
                throw ShowroomError.invalid("appointment_id must be the id a booking returned (a UUID); got '\(raw)'.")
            }
            replacing = id
        }
        let now = ctx.now, db = ctx.db, conversationID = ctx.conversationID
        let appointment = try await AppointmentRepository(db: db).book(
            store: store.id, unitID: u.id, stockNumber: u.stockNumber, make: u.make, model: u.model, name: name, phone: phone,
            locale: ctx.language.rawValue, conversationID: conversationID, replacing: replacing, now: now,
            check: { bookings in try slots.validate(start: start, now: now, bookings: bookings) },
            lead: { conn in
                try await LeadRepository.upsert(
                    on: conn, logger: db.logger, store: store.id, name: name, phone: phone, email: nil, interest: "test-drive",
                    stockNumber: u.stockNumber, vin: u.vin,
                    vehicle: ["year": .number(Double(u.year)), "make": .string(u.make), "model": .string(u.model)],
                    conversationID: conversationID, note: nil).lead.id
            })
        let when = Self.local(appointment.start, store.timeZone, ctx.language)
        let title = u.title(ctx.language)
        let confirmation = ctx.language == .zh
            ? "已为\(name)预约试驾 \(title)（库存编号 \(u.stockNumber)），时间：\(when)，地点：\(store.displayName(.zh))，\(store.address)。如需改期请联系 \(store.phone)。"
            : "Test drive booked for \(name): \(title) (stock \(u.stockNumber)) on \(when) at \(store.name), \(store.address). To reschedule call \(store.phone)."
        return [
            "appointment_id": .string(appointment.id.uuidString.lowercased()),
            "start": .string(FreeSlots.iso(appointment.start, store.timeZone)),
            "end": .string(FreeSlots.iso(appointment.end, store.timeZone)),
            "store": .string(store.displayName(ctx.language)),
            "stock_number": .string(u.stockNumber),
            "lead_id": appointment.leadID.map { .string($0.uuidString.lowercased()) } ?? .null,
            "confirmation": .string(confirmation),
        ]
    }

    static func parseDate(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    static func local(_ date: Date, _ zone: TimeZone, _ language: Language) -> String {
        let f = DateFormatter()
        f.timeZone = zone
        f.locale = Locale(identifier: language == .zh ? "zh_CN" : "en_US")
        f.dateFormat = language == .zh ? "yyyy年M月d日 EEEE HH:mm" : "EEEE, MMMM d, yyyy 'at' h:mm a"
        return f.string(from: date)
    }
}
