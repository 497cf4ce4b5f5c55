@testable import ShowroomLLM
import Testing

@Suite struct SSEDataParserTests {
    @Test func eventsSplitAcrossChunksAndInsideACharacterAreReassembled() {
        let wire = Array("data: {\"t\":\"你好\"}\n\ndata: [DONE]\n\n".utf8)
        var parser = SSEDataParser()
        var events: [String] = []
        for byte in wire { events += parser.feed([byte]) }
        #expect(events == [#"{"t":"你好"}"#, "[DONE]"])
        #expect(!parser.hasPartialEvent)
    }

    @Test func crlfCommentsOtherFieldsAndMultilineDataFollowTheSpec() {
        var parser = SSEDataParser()
        let events = parser.feed(Array(": keep-alive\r\nevent: message\r\nid: 7\r\ndata:one\r\ndata: two\r\n\r\n".utf8))
        #expect(events == ["one\ntwo"])
    }

    @Test func aLastEventWithoutBlankLineCountsAtTheEnd() {
        var parser = SSEDataParser()
        #expect(parser.feed(Array("data: first\n\ndata: last".utf8)) == ["first"])
        #expect(parser.hasPartialEvent)
        #expect(parser.finish() == ["last"])
    }

    @Test func blankLinesWithoutDataDispatchNothing() {
        var parser = SSEDataParser()
        #expect(parser.feed(Array("\n\n: ping\n\n".utf8)).isEmpty)
    }
}
