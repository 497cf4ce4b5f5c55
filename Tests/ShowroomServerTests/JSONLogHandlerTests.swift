import Foundation
import Logging
import Testing
@testable import ShowroomServer

/// Collects lines the handler writes.
final class LineSink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    func write(_ line: String) { lock.withLock { stored.append(line) } }
}

@Suite struct JSONLogHandlerTests {
    func logger(_ sink: LineSink, format: JSONLogHandler.Format = .json, level: Logger.Level = .info) -> Logger {
        Logger(label: "showroom.test") { label in
            JSONLogHandler(label: label, format: format, level: level, sink: { sink.write($0) })
        }
    }

    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func eachEventIsOneJSONObjectOnOneLine() throws {
        let sink = LineSink()
        var log = logger(sink)
        log[metadataKey: "request_id"] = "req-1"
        log.info("turn finished", metadata: ["conversation_id": "c-9", "ms": .stringConvertible(12.5)])
        let line = try #require(sink.lines.first)
        #expect(sink.lines.count == 1 && !line.contains("\n"))
        let o = try object(line)
        #expect(o["level"] as? String == "info")
        #expect(o["label"] as? String == "showroom.test")
        #expect(o["message"] as? String == "turn finished")
        let meta = try #require(o["metadata"] as? [String: Any])
        #expect(meta["request_id"] as? String == "req-1")
        #expect(meta["conversation_id"] as? String == "c-9")
        #expect(meta["ms"] as? String == "12.5")
        let ts = try #require(o["ts"] as? String)
        #expect(ts.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
    }

    @Test func personalDataIsMaskedInMessageAndMetadata() throws {
        let sink = LineSink()
        logger(sink).warning("lead from bob@example.org, 13800138000", metadata: ["name": "Bob Lee", "text": "hello there"])
        let line = try #require(sink.lines.first)
        #expect(!line.contains("bob@example.org") && !line.contains("13800138000") && !line.contains("Bob Lee"))
        #expect(!line.contains("hello there"))
        let o = try object(line)
        #expect(o["message"] as? String == "lead from b***@example.org, ***8000")
        let meta = try #require(o["metadata"] as? [String: Any])
        #expect(meta["name"] as? String == "B***")
        #expect(meta["text"] as? String == "[omitted 11 chars]")
    }

    @Test func quotesControlCharactersAndUnicodeSurviveEscaping() throws {
        let sink = LineSink()
        logger(sink).info("say \"你好\"\tnow\u{1}\\ done")
        let o = try object(try #require(sink.lines.first))
        #expect(o["message"] as? String == "say \"你好\"\tnow\u{1}\\ done")
    }

    @Test func eventsBelowTheLevelAreDropped() {
        let sink = LineSink()
        let log = logger(sink, level: .warning)
        log.info("quiet")
        log.error("loud")
        #expect(sink.lines.count == 1)
    }

    @Test func textFormatIsOneMaskedHumanLine() throws {
        let sink = LineSink()
        logger(sink, format: .text).info("hi", metadata: ["phone": "+1 415 555 0100", "agent": "booking"])
        let line = try #require(sink.lines.first)
        #expect(line.hasSuffix(" info showroom.test: hi agent=booking phone=***0100"))
    }

    @Test func unknownFormatsAndLevelsAreConfigurationErrors() {
        #expect(throws: (any Error).self) { try JSONLogHandler.bootstrap(format: "xml", level: "info") }
        #expect(throws: (any Error).self) { try JSONLogHandler.bootstrap(format: "json", level: "loud") }
    }

    @Test func requestIDsFromCallersAreAcceptedOnlyWhenSafe() {
        #expect(RequestIDMiddleware.accepted("abc-123_x.y:z") == "abc-123_x.y:z")
        #expect(RequestIDMiddleware.accepted("") == nil)
        #expect(RequestIDMiddleware.accepted("bad id\n{\"x\":1}") == nil)
        #expect(RequestIDMiddleware.accepted(String(repeating: "a", count: 129)) == nil)
    }
}
