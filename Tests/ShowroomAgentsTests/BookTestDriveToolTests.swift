import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// `book_test_drive` on the MiniCatalog: only the asked car, only the booking phone moves a
/// booking, and a failed booking leaves nothing behind.
@Suite(.enabled(if: TestDatabase.available)) struct BookTestDriveToolTests {
    /// Wednesday 2026-11-25 12:00 in Shanghai (04:00 UTC).
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z")!

    func call(_ db: Database, _ name: String, _ args: JSONValue, store: StoreID = "sh-test", language: Language = .en,
              now: Date = Self.now) async -> ToolOutcome {
        await ToolCatalog.registry().call(name: name, arguments: args, caller: ToolCaller(
            db: db, scope: .customer, label: "test", fixedStore: store, language: language, now: { now }))
    }

    func count(_ db: Database, _ sql: PostgresQuery) async throws -> Int {
        try await db.rows(sql).first!.decode(Int.self)
    }

    static let ann: JSONValue = ["stock_number": "SHT001", "name": "Ann", "phone": "13800138000", "start": "2026-11-26T10:00:00+08:00", "consent": true]

    func with(_ base: JSONValue, _ changes: [String: JSONValue]) -> JSONValue {
        .object((base.objectValue ?? [:]).merging(changes) { $1 })
    }

    @Test func aModelTheCatalogDoesNotHaveIsNeverBookedAsAnotherCar() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let args: JSONValue = ["make": "Toyota", "model": "Supra", "name": "Ann", "phone": "4155550123",
                                   "start": "2026-11-26T10:00:00-08:00", "consent": true]
            let o = await call(db, "book_test_drive", args, store: "sf-test")
            #expect(o.error?.code == "unknown_model")
            let modelY = await call(db, "book_test_drive", with(args, ["model": "Model Y"]), store: "sf-test")
            #expect(modelY.error?.code == "unknown_model")
            #expect(modelY.error?.message.contains("Tesla Model Y") == true)  // the nearest catalog model is suggested
            #expect(try await count(db, "SELECT count(*) FROM appointments") == 0)
            #expect(try await count(db, "SELECT count(*) FROM leads") == 0)
            // The right name books the right car.
            let camry = try #require(await call(db, "book_test_drive", with(args, ["model": "Camry"]), store: "sf-test").result)
            #expect(camry["stock_number"] == "SFT002")
        }
    }

    @Test func onlyThePhoneThatBookedCanRescheduleAndTheOldSlotIsFreed() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let first = try #require(await call(db, "book_test_drive", Self.ann).result)
            let id = try #require(first["appointment_id"]?.stringValue)
            let stranger = await call(db, "book_test_drive", with(Self.ann, [
                "name": "Bob", "phone": "13900000000", "start": "2026-11-26T15:00:00+08:00", "appointment_id": .string(id)]))
            #expect(stranger.error?.code == "appointment_not_found")
            #expect(try await count(db, "SELECT count(*) FROM appointments WHERE status = 'booked' AND starts_at = '2026-11-26T02:00:00Z'") == 1)
            #expect(try await count(db, "SELECT count(*) FROM appointments") == 1)
            // The same phone, written differently, moves it from 10:00 to 15:00.
            let moved = try #require(await call(db, "book_test_drive", with(Self.ann, [
                "phone": "138 0013 8000", "start": "2026-11-26T15:00:00+08:00", "appointment_id": .string(id)])).result)
            #expect(moved["start"] == "2026-11-26T15:00:00+08:00")
            #expect(moved["end"] == "2026-11-26T15:45:00+08:00")  // 45-minute slots at sh-test
            #expect(moved["appointment_id"]?.stringValue != id)
            let rows = try await db.rows("SELECT status, starts_at FROM appointments ORDER BY starts_at").map { try $0.decode((String, Date).self) }
            #expect(rows.map(\.0) == ["cancelled", "booked"])
            // 10:00 is free again for someone else.
            let bob = await call(db, "book_test_drive", with(Self.ann, ["name": "Bob", "phone": "13900000000"]))
            #expect(bob.ok)
        }
    }

    @Test func aMalformedAppointmentIDIsAnErrorNotASecondBooking() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            #expect(await call(db, "book_test_drive", Self.ann).ok)
            let o = await call(db, "book_test_drive", with(Self.ann, ["start": "2026-11-26T16:00:00+08:00", "appointment_id": "my-booking"]))
            #expect(o.error?.code == "invalid_arguments")
            #expect(o.error?.message.contains("appointment_id") == true)
            #expect(try await count(db, "SELECT count(*) FROM appointments") == 1)
        }
    }

    @Test func aFailedBookingLeavesNoLead() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            #expect(await call(db, "book_test_drive", Self.ann).ok)
            let taken = await call(db, "book_test_drive", with(Self.ann, ["name": "Bob", "phone": "13900000000"]))
            #expect(taken.error?.code == "slot_taken")
            let night = await call(db, "book_test_drive", with(Self.ann, ["name": "Cy", "phone": "13700000000", "start": "2026-11-26T03:00:00+08:00"]))
            #expect(night.error?.code == "outside_store_hours")
            let leads = try await db.rows("SELECT name FROM leads").map { try $0.decode(String.self) }
            #expect(leads == ["Ann"])
        }
    }

    @Test func aTakenSlotIsCheckedAgainstTheCallersClockNotTheDatabases() async throws {
        // The caller's clock is a day the database's clock has long passed (Friday 2026-05-01 12:00
        // in Shanghai): the booking on Saturday 2026-05-02 is still ahead of it, so booking it again
        // is refused by the slot check, which names free starts nearby.
        let may1 = try #require(ISO8601DateFormatter().date(from: "2026-05-01T04:00:00Z"))
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let saturday = with(Self.ann, ["start": "2026-05-02T10:00:00+08:00"])
            #expect(await call(db, "book_test_drive", saturday, now: may1).ok)
            let taken = await call(db, "book_test_drive", with(saturday, ["name": "Bob", "phone": "13900000000"]), now: may1)
            #expect(taken.error?.code == "slot_taken")
            #expect(taken.error?.message.contains("2026-05-02 10:00 is already booked; free nearby: 2026-05-02") == true,
                    "\(taken.error?.message ?? "")")
        }
    }

    @Test func theConfirmationIsInTheCustomersLanguage() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let zh = try #require(await call(db, "book_test_drive", with(Self.ann, ["name": "李雷"]), language: .zh).result)
            let text = try #require(zh["confirmation"]?.stringValue)
            // 2026-11-26 is a Thursday; the store's Chinese name and the Chinese wording, not the English template.
            #expect(text.contains("已为李雷预约试驾"))
            #expect(text.contains("2026年11月26日 星期四 10:00"))
            #expect(text.contains("测试上海店"))
            #expect(!text.contains("Test drive booked"))
            let en = try #require(await call(db, "book_test_drive", with(Self.ann, ["phone": "13900000000", "start": "2026-11-26T11:00:00+08:00"])).result)
            #expect(en["confirmation"]?.stringValue?.contains("Test drive booked for Ann") == true)
            #expect(en["confirmation"]?.stringValue?.contains("Thursday, November 26, 2026 at 11:00 AM") == true)
        }
    }
}

/// `create_lead`: one lead per person per store, matched on any contact; interest never downgraded.
@Suite(.enabled(if: TestDatabase.available)) struct CreateLeadToolTests {
    func call(_ db: Database, _ args: JSONValue) async -> ToolOutcome {
        await ToolCatalog.registry().call(name: "create_lead", arguments: args, caller: ToolCaller(
            db: db, scope: .customer, label: "test", fixedStore: "sf-test", now: { BookTestDriveToolTests.now }))
    }

    @Test func anyMatchingContactIsTheSameLead() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let byEmail = try #require(await call(db, ["name": "Ann", "email": "ann@example.com", "consent": true]).result)
            let both = try #require(await call(db, ["name": "Ann", "email": "ANN@example.com", "phone": "+1 415 555 0123", "consent": true]).result)
            let byPhone = try #require(await call(db, ["name": "Ann Lee", "phone": "(415) 555-0123", "consent": true]).result)
            #expect(byEmail["created"] == true)
            #expect(both["lead_id"] == byEmail["lead_id"] && both["created"] == false)
            #expect(byPhone["lead_id"] == byEmail["lead_id"] && byPhone["created"] == false)
            let rows = try await db.rows("SELECT name, phone, email FROM leads").map { try $0.decode((String, String?, String?).self) }
            #expect(rows.count == 1)
            #expect(rows.first?.0 == "Ann Lee" && rows.first?.1 == "(415) 555-0123" && rows.first?.2?.lowercased() == "ann@example.com")
            // Another store's lead with the same phone is a different lead.
            let other = await ToolCatalog.registry().call(name: "create_lead", arguments: ["name": "Ann", "phone": "4155550123", "consent": true],
                                                          caller: ToolCaller(db: db, scope: .customer, label: "test", fixedStore: "sh-test"))
            #expect(other.result?["created"] == true)
        }
    }

    @Test func aLaterVaguerInterestDoesNotDowngradeTheLead() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let args: JSONValue = ["name": "Ann", "email": "ann@example.com", "consent": true]
            func interest() async throws -> String { try await db.rows("SELECT interest FROM leads").first!.decode(String.self) }
            _ = await call(db, .object(args.objectValue!.merging(["interest": "lease"]) { $1 }))
            _ = await call(db, .object(args.objectValue!.merging(["interest": "buy"]) { $1 }))
            #expect(try await interest() == "lease")
            _ = await call(db, .object(args.objectValue!.merging(["interest": "test-drive"]) { $1 }))
            #expect(try await interest() == "test-drive")
            _ = await call(db, .object(args.objectValue!.merging(["interest": "lease"]) { $1 }))
            #expect(try await interest() == "test-drive")
        }
    }
}
