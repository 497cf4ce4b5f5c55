import Foundation
import Testing
@testable import ShowroomCore

@Suite struct StringTrimmedTests {
    @Test func trimsUnicodeSpaceAndLineBreaksAtBothEnds() {
        #expect("  Model Y \t".trimmed == "Model Y")
        #expect("\u{3000}比亚迪\u{3000}".trimmed == "比亚迪")
        #expect("\u{00A0}32995\r\n".trimmed == "32995")
        #expect(" \n\t ".trimmed == "")
        #expect("".trimmed == "")
    }

    @Test func leavesInnerSpaceAndNonSpaceEdgesAlone() {
        #expect("Model Y".trimmed == "Model Y")
        #expect("宋PLUS DM-i".trimmed == "宋PLUS DM-i")
        #expect("a".trimmed == "a")
        for text in ["x", " x", "x ", "\u{3000}x", "x\u{2003}", "é ", " ü"] {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
        }
    }
}
