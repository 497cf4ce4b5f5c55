import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ShowroomCore

@Suite struct ADFDocumentTests {
    static let dtd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/adf-1.0.dtd")

    func document(interest: String = "test-drive", status: String = "used") -> ADFDocument {
        ADFDocument(
            leadID: "0b4c1f52-1111-4222-8333-944455556666", requestDate: Date(timeIntervalSince1970: 1_795_000_000),
            vehicle: .init(interest: interest, status: status, year: 2024, make: "BYD", model: "Han", vin: "LGXCE4CB7N0000002",
                           stock: "SHT002", trim: "EV 605", odometerKm: 21000, price: Money(159800, .CNY)),
            customerName: "李雷 <Lei> & Co", phone: "13800138000", email: "lei@example.com", comments: "周六上午试驾",
            vendorName: "Showroom Auto Pudong", vendorPhone: "+86 21 5555 0100", timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// Validates the XML against the ADF 1.0 DTD with libxml2 (through FoundationXML).
    func validate(_ xml: String) throws {
        let withDoctype = xml.replacingOccurrences(of: "<adf>", with: "<!DOCTYPE adf SYSTEM \"\(Self.dtd.path)\">\n<adf>")
        let doc = try XMLDocument(xmlString: withDoctype, options: [.documentValidate])
        try doc.validate()
    }

    @Test func leadsAreValidADF() throws {
        let xml = document().xml
        #expect(xml.contains("<?adf version=\"1.0\"?>"))
        #expect(xml.contains("<vehicle interest=\"test-drive\" status=\"used\">"))
        #expect(xml.contains("<stock>SHT002</stock>"))
        #expect(xml.contains("<price type=\"asking\" currency=\"CNY\">159800.00</price>"))
        #expect(xml.contains("<vendorname>Showroom Auto Pudong</vendorname>"))
        #expect(xml.contains("&lt;Lei&gt; &amp; Co"))
        try validate(xml)
    }

    @Test func everyInterestValidates() throws {
        for interest in ["buy", "lease", "trade-in", "test-drive"] {
            try validate(document(interest: interest, status: "new").xml)
        }
    }

    @Test func aWrongElementOrderFailsTheDTD() {
        let broken = document().xml.replacingOccurrences(of: "<requestdate>", with: "<requestdatex>").replacingOccurrences(of: "</requestdate>", with: "</requestdatex>")
        #expect(throws: (any Error).self) { try validate(broken) }
    }

    @Test func aBookedTestDriveAndTheConversationTravelInTheDTDsOwnElements() throws {
        var d = document()
        d.conversationID = "7d0f7a5e-aaaa-4bbb-8ccc-0123456789ab"
        // 2026-11-26 10:00–10:45 in Shanghai (02:00Z–02:45Z)
        d.appointment = .init(id: "5e1d2c3b-0000-4000-8000-000000000001",
                              start: ISO8601DateFormatter().date(from: "2026-11-26T02:00:00Z")!,
                              end: ISO8601DateFormatter().date(from: "2026-11-26T02:45:00Z")!)
        let xml = d.xml
        #expect(xml.contains("<id sequence=\"2\" source=\"Showroom conversation\">7d0f7a5e-aaaa-4bbb-8ccc-0123456789ab</id>"))
        #expect(xml.contains("<earliestdate>2026-11-26T10:00:00+08:00</earliestdate>"))
        #expect(xml.contains("<latestdate>2026-11-26T10:45:00+08:00</latestdate>"))
        #expect(xml.contains("周六上午试驾\nTest drive booked: 2026-11-26T10:00:00+08:00 to 2026-11-26T10:45:00+08:00 (appointment 5e1d2c3b-0000-4000-8000-000000000001)\nShowroom conversation 7d0f7a5e"))
        try validate(xml)
    }

    @Test func aLeadWithoutAVehicleSaysSoInsteadOfBlankElements() throws {
        var d = document(interest: "buy", status: "new")
        d.vehicle = .init(interest: "buy", status: "new", year: nil, make: "", model: "")
        let xml = d.xml
        #expect(xml.contains("<make>Any</make>") && xml.contains("<model>Any</model>"))
        #expect(!xml.contains("<make></make>") && !xml.contains("<model></model>"))
        #expect(xml.contains("<comments>No specific vehicle chosen yet</comments>"))
        try validate(xml)
    }

    @Test func intentsMapToInterests() {
        #expect(ADFDocument.interest(for: .testDrive) == "test-drive")
        #expect(ADFDocument.interest(for: .tradeIn) == "trade-in")
        #expect(ADFDocument.interest(for: .financing, lease: true) == "lease")
        #expect(ADFDocument.interest(for: .priceQuote) == "buy")
    }
}
