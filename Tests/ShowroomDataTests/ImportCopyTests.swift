import Foundation
import NIOCore
import Testing
@testable import ShowroomData

@Suite struct ImportCopyTests {
    func text(_ copy: ImportCopy) -> String {
        copy.chunks().map { String(buffer: $0) }.joined()
    }

    @Test func writesPostgresTextFormatWithEscapesAndNulls() {
        var copy = ImportCopy()
        copy.row(["plain", nil, "tab\there", "line\nbreak\r", "back\\slash", "nul\u{0}gone", "汉"])
        copy.field(42)
        copy.field(Optional<Double>.none)
        copy.endRow()
        #expect(copy.rows == 2)
        #expect(text(copy) == "plain\t\\N\ttab\\there\tline\\nbreak\\r\tback\\\\slash\tnulgone\t汉\n42\t\\N\n")
    }

    @Test func splitsLargeInputIntoChunksThatRejoinExactly() {
        var copy = ImportCopy()
        for i in 0..<60_000 { copy.row(["row \(i)", String(repeating: "x", count: 20)]) }
        let chunks = copy.chunks()
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0.readableBytes == ImportCopy.chunkBytes })
        #expect(text(copy).split(separator: "\n").count == 60_000)
    }

    @Test func buildsJSONObjectsLeavingOutMissingValues() {
        var json = ImportJSON()
        json.add("name", "Han \"EV\"\n")
        json.add("empty", "")
        json.add("none", nil as String?)
        json.add("seats", number: 5)
        json.add("kwh", number: 13.9)
        json.add("turbo", flag: true)
        json.add("ctl", "a\u{1}b")
        #expect(json.text == #"{"name":"Han \"EV\"\n","seats":5,"kwh":13.9,"turbo":true,"ctl":"a\u0001b"}"#)
        #expect(ImportJSON().text == "{}")
    }
}

@Suite struct ImportReportTests {
    @Test func reportsPrintOneLinePerTableAndEveryRejection() {
        var catalog = CatalogImportReport()
        catalog.units = ImportCounts(inserted: 3, unchanged: 2, deleted: 1)
        #expect(catalog.description.contains("units: 3 new, 0 updated, 2 unchanged, 1 deleted"))
        var feed = FeedImportReport(store: "sf-bay")
        feed.rows = 2
        feed.inserted = 1
        feed.rejected = [.init(row: 2, line: 3, field: "price", code: "price_absurd", reason: "Price 99999999 is above the 10,000,000 limit.")]
        #expect(feed.description.contains("rejected row 2 (line 3) price_absurd: Price 99999999"))
    }
}
