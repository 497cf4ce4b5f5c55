/// An error a user can act on: a stable snake_case code and a presentable message.
///
/// Maps to the error shape of api.md, `{"error": {"code", "message"}}`; `status` is the
/// HTTP status the server answers with.
public struct ShowroomError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var status: Int

    public init(_ code: String, _ message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { "\(code): \(message)" }

    public var json: JSONValue { ["error": ["code": .string(code), "message": .string(message)]] }

    /// Bad input: the one code for invalid arguments everywhere (the registry's schema check,
    /// the tools, the core calculators), so clients and `showroom tools` handle one code.
    public static func invalid(_ message: String) -> ShowroomError { .init("invalid_arguments", message) }
    public static func notFound(_ message: String) -> ShowroomError { .init("not_found", message, status: 404) }
}
