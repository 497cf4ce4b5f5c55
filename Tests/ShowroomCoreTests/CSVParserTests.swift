import Foundation
import Testing
@testable import ShowroomCore

@Suite struct CSVParserTests {
    func fields(_ text: String) -> [[String]] { CSVParser.records(in: text).map(\.fields) }

    @Test func splitsPlainRecords() {
        #expect(fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func keepsDelimitersQuotesAndLineBreaksInsideQuotedFields() {
        let text = "name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"two\nlines\",\"crlf\r\ninside\"\n"
        #expect(fields(text) == [["name", "note"], ["Smith, J", "said \"hi\""], ["two\nlines", "crlf\r\ninside"]])
    }

    @Test func readsCRLFLFAndLoneCRLineEndingsAlike() {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(fields("a,b\r\n1,2\r\n3,4\r\n") == expected)
        #expect(fields("a,b\n1,2\n3,4") == expected)
        #expect(fields("a,b\r1,2\r3,4\r") == expected)
        #expect(fields("a,b\r\n1,2\n3,4\r") == expected)
    }

    @Test func dropsTheByteOrderMark() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("VIN,Price\r\nX,1\r\n".utf8)
        let records = CSVParser.records(in: data)
        #expect(records.map(\.fields) == [["VIN", "Price"], ["X", "1"]])
        #expect(records[0][0].unicodeScalars.first == "V")
    }

    @Test func aTrailingLineBreakAndBlankLinesMakeNoRecords() {
        #expect(fields("a,b\n\n1,2\n\n\n") == [["a", "b"], ["1", "2"]])
        #expect(fields("").isEmpty)
        #expect(fields("\n").isEmpty)
        #expect(fields("\"\"\n") == [[""]])  // a quoted empty field is a record
    }

    @Test func keepsEmptyFieldsIncludingTheLast() {
        #expect(fields("a,,c,\n,,,\n") == [["a", "", "c", ""], ["", "", "", ""]])
    }

    @Test func numbersRecordsAndTheLinesTheyStartOn() {
        let records = CSVParser.records(in: "h1,h2\r\n\"multi\r\nline\",x\r\n\r\nlast,y\r\n")
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func givesTheSameRecordsWhateverTheChunkSize() {
        let text = "\u{FEFF}vin,\"note\"\r\n\"a,\"\"b\"\"\r\nc\",2\r\nplain,\"x\"\r\n\rlast,1"
        let whole = CSVParser.records(in: text)
        for size in [1, 2, 3, 5, 7] {
            var parser = CSVParser()
            var got: [CSVParser.Record] = []
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count {
                let end = min(start + size, bytes.count)
                parser.parse(Array(bytes[start..<end])) { got.append($0) }
                start = end
            }
            parser.finish { got.append($0) }
            #expect(got == whole, "chunk size \(size)")
        }
        #expect(whole.map(\.fields) == [["vin", "note"], ["a,\"b\"\r\nc", "2"], ["plain", "x"], ["last", "1"]])
    }

    @Test func toleratesStrayQuotesAndFlagsAnUnclosedOne() {
        #expect(fields("ab\"c,\"d\"e\n") == [["ab\"c", "de"]])
        let records = CSVParser.records(in: "a,b\n1,\"never closed\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].unterminatedQuote)
        #expect(records[1][1] == "never closed\n2,3\n")
        #expect(records[1].raggedness(expected: 2) == "a quoted field opened on line 2 is never closed")
    }

    @Test func reportsRaggedRowsAgainstTheHeader() {
        let records = CSVParser.records(in: "a,b,c\n1,2\n1,2,3\n1,2,3,4\n")
        #expect(records.map { $0.raggedness(expected: 3) } == [nil, "row has 2 fields; the header has 3", nil,
                                                               "row has 4 fields; the header has 3"])
        #expect(records[1][2] == "")
        #expect(records[1].isEmpty(at: 2))
    }

    @Test func splitsOnAnotherDelimiterWhenTold() {
        #expect(CSVParser.records(in: "a;\"b;c\"\n", delimiter: ";").map(\.fields) == [["a", "b;c"]])
    }

    @Test func decodesUTF8AndReplacesInvalidBytes() {
        #expect(fields("车型,价格\n汉,209800\n") == [["车型", "价格"], ["汉", "209800"]])
        let records = CSVParser.records(in: Data([0x61, 0xFF, 0x2C, 0x62]))
        #expect(records.first?.fields == ["a\u{FFFD}", "b"])
    }
}

@Suite(.enabled(if: SharedData.url("epa-fueleconomy") != nil, "needs ../shared/data/epa-fueleconomy"))
struct CSVParserRealDataTests {
    @Test func parsesTheEPAFileIntoOneRecordPerLineWithEveryRowAsWideAsTheHeader() throws {
        let url = try #require(SharedData.url("epa-fueleconomy")).appendingPathComponent("vehicles.csv")
        let data = try Data(contentsOf: url)
        let lineBreaks = data.reduce(into: 0) { n, b in if b == 0x0A { n += 1 } }
        var count = 0
        var width = 0
        var ragged = 0
        CSVParser.forEachRecord(in: data) { record in
            if count == 0 { width = record.count }
            if record.raggedness(expected: width) != nil { ragged += 1 }
            count += 1
        }
        // The file has no quoted line breaks, so records and CRLF-terminated lines agree.
        #expect(count == lineBreaks)
        #expect(width == 84)
        #expect(ragged == 0)
    }
}
