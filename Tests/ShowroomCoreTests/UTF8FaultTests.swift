import Foundation
import ShowroomCore
import Testing

@Suite struct UTF8FaultTests {
    @Test func utf8TextWithBOMChineseAndEmojiHasNoFault() {
        let text = "\u{FEFF}VIN,Make,Model\r\nLGXCE4CB0SN300004,比亚迪,汉 EV 🚗\r\n1,Citroën,C5 Aircross\n"
        #expect(UTF8Fault.find(in: Data(text.utf8)) == nil)
        #expect(UTF8Fault.find(in: Data()) == nil)
    }

    @Test func aLatin1FeedIsLocatedAtItsFirstAccentedByte() throws {
        // "bleu clair métallisé" saved as Latin-1: é is the single byte 0xE9.
        let head = Data("VIN,Color\r\n1HGCV1F34LA000001,white\r\n1HGCV1F34LA000002,bleu clair m".utf8)
        let data = head + Data([0xE9]) + Data("tallis".utf8) + Data([0xE9, 0x0D, 0x0A])
        let fault = try #require(UTF8Fault.find(in: data))
        #expect(fault.offset == head.count)
        #expect(fault.line == 3)
        #expect(fault.byte == 0xE9)
        #expect(fault.textBefore == "F34LA000002,bleu clair m")
        #expect(fault.location == "line 3 (byte offset \(head.count)): byte 0xE9 after \"F34LA000002,bleu clair m\"")
        #expect(fault.advice.contains("WINDOWS-1252"))
    }

    @Test func aGBKFeedIsLocatedAtItsFirstChineseCharacter() throws {
        // 比亚迪 in GBK (checked with iconv): B1 C8 D1 C7 B5 CF. B1 is a continuation byte in UTF-8.
        let data = Data("VIN,Make\n".utf8) + Data([0x4C, 0x2C, 0xB1, 0xC8, 0xD1, 0xC7, 0xB5, 0xCF, 0x0A])
        let fault = try #require(UTF8Fault.find(in: data))
        #expect((fault.offset, fault.line, fault.byte, fault.textBefore) == (11, 2, 0xB1, "L,"))
        #expect(fault.advice.contains("GB18030"))
    }

    @Test func aUTF16FileIsNamedAsSuch() throws {
        let data = Data([0xFF, 0xFE]) + "VIN".data(using: .utf16LittleEndian)!
        let fault = try #require(UTF8Fault.find(in: data))
        #expect((fault.offset, fault.line, fault.isUTF16) == (0, 1, true))
        #expect(fault.location.hasSuffix("byte 0xFF at the start of the line"))
        #expect(fault.advice.contains("UTF-16"))
    }

    @Test(arguments: [
        ([0xC0, 0xAF], "overlong slash"), ([0xE0, 0x80, 0xAF], "overlong 3-byte"), ([0xED, 0xA0, 0x80], "surrogate D800"),
        ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"), ([0xF5, 0x80, 0x80, 0x80], "lead F5"), ([0xE6, 0xB1], "truncated at end"),
        ([0xE6, 0x41, 0x41], "missing continuation"), ([0x80], "lone continuation"),
    ] as [([UInt8], String)])
    func illFormedSequencesAreFaultsAtTheirFirstByte(bytes: [UInt8], what: String) {
        // 13 ASCII bytes first, so the fault lies past the eight-byte fast path.
        let prefix = Array("abcdefghijklm".utf8)
        let offset = (prefix + bytes).withUnsafeBufferPointer { UTF8Fault.firstInvalidOffset($0) }
        #expect(offset == prefix.count, "\(what)")
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("ab,c\r\n".utf8), Array("é".utf8), Array("汉".utf8), Array("🚗".utf8), [0xE9], [0xB1, 0xC8],
                                 [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0xC2]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                bytes += Int.random(in: 0..<10, using: &rng) < 7 ? pieces[Int.random(in: 0..<4, using: &rng)] : pieces.randomElement(using: &rng)!
            }
            let offset = bytes.withUnsafeBufferPointer { UTF8Fault.firstInvalidOffset($0) }
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}
