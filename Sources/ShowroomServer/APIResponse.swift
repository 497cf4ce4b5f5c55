import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ShowroomCore

/// JSON responses and the error shape of api.md.
enum APIResponse {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var h = headers
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(string: value.jsonString())))
    }

    static func error(_ e: ShowroomError, headers: HTTPFields = [:]) -> Response {
        json(e.json, status: .init(code: e.status), headers: headers)
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Reads a JSON object body with limits: size (413), UTF-8 (400), JSON (400).
enum JSONBody {
    static func object(_ request: Request, context: AppRequestContext, limit: Int) async throws -> [String: JSONValue] {
        var req = request
        let buffer: ByteBuffer
        do {
            buffer = try await req.collectBody(upTo: limit)
        } catch {
            throw ShowroomError("body_too_large", "The request body is larger than \(limit) bytes.", status: 413)
        }
        let bytes = Array(buffer.readableBytesView)
        if bytes.isEmpty { return [:] }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ShowroomError("invalid_utf8", "The request body is not valid UTF-8.")
        }
        guard let value = JSONValue.parse(text) else { throw ShowroomError("invalid_json", "The request body is not valid JSON.") }
        guard let obj = value.objectValue else { throw ShowroomError("invalid_json", "The request body must be a JSON object.") }
        return obj
    }
}
