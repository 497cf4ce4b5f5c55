import Foundation
import ShowroomCore

/// The JSON-RPC 2.0 envelope checks the MCP SDK leaves loose, applied before a message reaches
/// it over HTTP (`POST /mcp`) and stdio (`showroom mcp`): text that is not JSON is a parse error
/// (-32700), JSON that is not a JSON-RPC 2.0 request, notification or response is an invalid
/// request (-32600; the SDK would call a missing `jsonrpc` a parse error). The answer's id is the
/// message's own when it has a usable one, else null (never an invented one).
enum JSONRPCEnvelope {
    /// The error answer for a message that is not valid JSON-RPC 2.0, or nil when it is
    /// (spelled `Optional.none`: a bare `nil` would become `JSONValue.null`).
    static func refusal(_ data: Data) -> JSONValue? {
        guard let message = JSONValue.parse(String(decoding: data, as: UTF8.self)) else {
            return answer(-32700, "Parse error: the message is not JSON", id: .null)
        }
        if let batch = message.arrayValue {
            // Batches are the SDK's to answer element by element; an empty one is no request at all.
            if batch.isEmpty { return answer(-32600, "Invalid Request: an empty batch", id: .null) }
            return Optional.none
        }
        guard let object = message.objectValue else {
            return answer(-32600, "Invalid Request: a JSON-RPC message is an object", id: .null)
        }
        let id = object["id"]
        let usableID = id.map { $0 == .null || $0.stringValue != nil || $0.intValue != nil } ?? true
        let replyID = usableID ? (id ?? .null) : .null
        guard object["jsonrpc"] == "2.0" else {
            return answer(-32600, "Invalid Request: \"jsonrpc\" must be \"2.0\"", id: replyID)
        }
        guard usableID else { return answer(-32600, "Invalid Request: id must be a string, a number or null", id: .null) }
        if let method = object["method"] {
            if method.stringValue == nil { return answer(-32600, "Invalid Request: method must be a string", id: replyID) }
            return Optional.none
        }
        guard id != nil, object["result"] != nil || object["error"] != nil else {
            return answer(-32600, "Invalid Request: neither a request (method) nor a response (id with result or error)", id: replyID)
        }
        return Optional.none
    }

    static func answer(_ code: Int, _ message: String, id: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .number(Double(code)), "message": .string(message)]]
    }
}
