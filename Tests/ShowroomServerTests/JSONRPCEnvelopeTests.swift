import Foundation
import ShowroomCore
import Testing
@testable import ShowroomServer

@Suite struct JSONRPCEnvelopeTests {
    func refusal(_ text: String) -> JSONValue? { JSONRPCEnvelope.refusal(Data(text.utf8)) }

    @Test func textThatIsNotJSONIsAParseErrorWithANullID() {
        #expect(refusal("{nope")?["error"]?["code"] == -32700)
        #expect(refusal("{nope")?["id"] == .null)
    }

    @Test func jsonThatIsNotJSONRPCIsAnInvalidRequestKeepingAUsableID() {
        #expect(refusal(#"{"id":1,"method":"tools/list"}"#) == JSONRPCEnvelope.answer(-32600, #"Invalid Request: "jsonrpc" must be "2.0""#, id: 1))
        #expect(refusal(#"{"jsonrpc":"1.0","id":"a","method":"x"}"#)?["id"] == "a")
        #expect(refusal(#"{"jsonrpc":"2.0","id":{"x":1},"method":"x"}"#)?["id"] == .null)
        #expect(refusal(#"{"jsonrpc":"2.0","id":2,"method":7}"#)?["error"]?["code"] == -32600)
        #expect(refusal(#"{"jsonrpc":"2.0","id":3}"#)?["error"]?["code"] == -32600)
        #expect(refusal("42")?["error"]?["code"] == -32600)
        #expect(refusal("[]")?["error"]?["code"] == -32600)
    }

    @Test func requestsNotificationsResponsesAndBatchesPass() {
        #expect(refusal(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#) == nil)
        #expect(refusal(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#) == nil)
        #expect(refusal(#"{"jsonrpc":"2.0","id":"r","result":{}}"#) == nil)
        #expect(refusal(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#) == nil)
    }
}
