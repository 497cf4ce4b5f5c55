import Foundation
import HTTPTypes
import NIOCore
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

@Suite(.enabled(if: TestDatabase.available)) struct StaffImportControllerTests {
    /// A Tesla Model Y VIN with its North-American check digit (weighted sum 284, 284 mod 11 = 9).
    static let vin = "7SAYGDEE9SF000001"

    static func feed(color: [UInt8]) -> ByteBuffer {
        ByteBuffer(bytes: Array("VIN,Year,Make,Model,Price,Ext Color\r\n\(vin),2025,Tesla,Model Y,44990,".utf8) + color + [0x0D, 0x0A])
    }

    func post(_ h: StaffHarness, _ body: ByteBuffer) async throws -> (status: Int, json: JSONValue) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(h.keys["managerSF"]!)"
        headers[.contentType] = "text/csv"
        let r = try await h.client.executeRequest(uri: "/v1/staff/inventory/import?store_id=sf-test", method: .post,
                                                  headers: headers, body: body)
        return (Int(r.status.code), try JSONDecoder().decode(JSONValue.self, from: Data(buffer: r.body)))
    }

    @Test func aLatin1FeedIsRefusedWholeWithTheLineOfItsFirstBadByte() async throws {
        try await StaffHarness.with { h in
            let before = try await h.db.rows("SELECT count(*)::int FROM inventory_units").first?.decode(Int.self)
            // "métallisé" in Latin-1: é is the single byte 0xE9.
            let latin1 = try await post(h, Self.feed(color: Array("m".utf8) + [0xE9] + Array("tallis".utf8) + [0xE9]))
            #expect(latin1.status == 400)
            #expect(latin1.json["error"]?["code"] == "feed_not_utf8")
            let message = latin1.json["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("line 2"), "\(message)")
            #expect(message.contains("Re-save it as UTF-8"), "\(message)")
            #expect(try await h.db.rows("SELECT count(*)::int FROM inventory_units").first?.decode(Int.self) == before)

            let utf8 = try await post(h, Self.feed(color: Array("métallisé".utf8)))
            #expect(utf8.status == 200, "\(utf8.json)")
            #expect(utf8.json["inserted"] == 1)
            let color = try await h.db.rows("SELECT exterior_color FROM inventory_units WHERE vin = \(Self.vin)").first?.decode(String.self)
            #expect(color == "métallisé")
        }
    }
}
