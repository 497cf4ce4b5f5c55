import Testing
@testable import ShowroomCore

@Suite struct LanguageDetectorTests {
    @Test func textWithChineseCharactersIsChinese() {
        #expect(LanguageDetector.detect("你好") == .zh)
        #expect(LanguageDetector.detect("Model Y 多少钱") == .zh)
        #expect(LanguageDetector.detect("Is the 汉 in stock?") == .zh)
    }

    @Test func otherTextIsEnglish() {
        #expect(LanguageDetector.detect("hello") == .en)
        #expect(LanguageDetector.detect("") == .en)
        #expect(LanguageDetector.detect("ＳＵＶ") == .en)
    }

    @Test func textWithoutLettersKeepsTheFallback() {
        #expect(LanguageDetector.detect("12345", fallback: .zh) == .zh)
        #expect(LanguageDetector.detect("👍", fallback: .zh) == .zh)
        #expect(LanguageDetector.detect("ok", fallback: .zh) == .en)
        #expect(LanguageDetector.detect("好", fallback: .en) == .zh)
    }
}
