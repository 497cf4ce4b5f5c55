import ShowroomCore
import ShowroomData

/// JSON Schema builders and the shared response components of `/openapi.json`.
///
/// Request schemas built here are also what handlers validate against, so every constraint
/// a handler enforces is one a client can read (and a fuzzer can respect).
enum OpenAPISchema {
    // MARK: builders

    /// Free text: any characters except NUL (PostgreSQL text cannot hold it), at most `max` characters.
    static func text(_ description: String = "", min: Int = 0, max: Int = 200) -> JSONValue {
        var o: [String: JSONValue] = ["type": "string", "maxLength": .number(Double(max)), "pattern": "^[^\\u0000]*$"]
        if min > 0 { o["minLength"] = .number(Double(min)) }
        if !description.isEmpty { o["description"] = .string(description) }
        return .object(o)
    }

    /// Text that must contain something other than white space.
    static func message(_ description: String, max: Int) -> JSONValue {
        ["type": "string", "minLength": 1, "maxLength": .number(Double(max)),
         "pattern": .string("^[^\\u0000]*[^\\u0000\(blank)][^\\u0000]*$"), "description": .string(description)]
    }

    /// A customer message body: a non-blank `text`, or a test drive `booking` form (then `text` may be empty).
    static let textOrBooking: JSONValue = {
        // The form's values are checked by book_test_drive, whose refusal the assistant explains (200).
        // No NUL (PostgreSQL text and jsonb cannot hold it) and bounded lengths (ChatController.checkForm).
        let booking = object(["start": string("ISO 8601 start time.", pattern: noNUL, max: 40),
                              "name": string(pattern: noNUL, max: 100), "phone": string(pattern: noNUL, max: 40),
                              "consent": bool(), "stock_number": nullable(string(pattern: noNUL))],
                             required: ["start", "name", "phone", "consent"], description: "Test drive form.")
        var o = object(["text": string("The customer's message (needed unless a booking form is sent).", max: 2000),
                        "booking": nullable(booking)]).objectValue ?? [:]
        o["anyOf"] = [
            ["required": ["text"], "properties": ["text": message("A non-blank message.", max: 2000)]],
            ["required": ["booking"], "properties": ["booking": booking]],
        ]
        return .object(o)
    }()

    /// Any text without NUL.
    static let noNUL = "^[^\\u0000]*$"

    /// White space spelled out, so that Python's, ICU's and Foundation's idea of "blank" agree.
    static let blank = "\\t\\n\\u000B\\f\\r \\u001C-\\u001F\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000"

    static func string(_ description: String = "", pattern: String? = nil, max: Int? = nil, format: String? = nil,
                       enum values: [String]? = nil, example: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["type": "string"]
        if !description.isEmpty { o["description"] = .string(description) }
        if let pattern { o["pattern"] = .string(pattern) }
        if let max { o["maxLength"] = .number(Double(max)) }
        if let format { o["format"] = .string(format) }
        if let values { o["enum"] = .array(values.map { .string($0) }) }
        if let example { o["example"] = .string(example) }
        return .object(o)
    }

    static func integer(_ description: String = "", min: Int? = nil, max: Int? = nil, default value: Int? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["type": "integer"]
        if !description.isEmpty { o["description"] = .string(description) }
        if let min { o["minimum"] = .number(Double(min)) }
        if let max { o["maximum"] = .number(Double(max)) }
        if let value { o["default"] = .number(Double(value)) }
        return .object(o)
    }

    static func number(_ description: String = "", min: Double? = nil, max: Double? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["type": "number"]
        if !description.isEmpty { o["description"] = .string(description) }
        if let min { o["minimum"] = .number(min) }
        if let max { o["maximum"] = .number(max) }
        return .object(o)
    }

    static func bool(_ description: String = "") -> JSONValue {
        description.isEmpty ? ["type": "boolean"] : ["type": "boolean", "description": .string(description)]
    }

    static func array(_ items: JSONValue, description: String = "") -> JSONValue {
        description.isEmpty ? ["type": "array", "items": items] : ["type": "array", "items": items, "description": .string(description)]
    }

    /// An object. Request bodies are closed (`additionalProperties: false`); responses stay open
    /// so fields can be added without breaking clients.
    /// `schema` that must have at least one of `names` (`anyOf` of single `required` lists).
    static func oneOfRequired(_ schema: JSONValue, _ names: [String]) -> JSONValue {
        guard case .object(var o) = schema else { return schema }
        o["anyOf"] = .array(names.map { ["required": .array([.string($0)])] })
        return .object(o)
    }

    static func object(_ properties: [String: JSONValue], required: [String] = [], closed: Bool = false,
                       description: String = "") -> JSONValue {
        var o: [String: JSONValue] = ["type": "object", "properties": .object(properties),
                                      "required": .array(required.map { .string($0) })]
        if closed { o["additionalProperties"] = false }
        if !description.isEmpty { o["description"] = .string(description) }
        return .object(o)
    }

    /// The same schema, also allowing null.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        if let ref = schema["$ref"] { return ["anyOf": [["$ref": ref], ["type": "null"]]] }
        guard var o = schema.objectValue else { return schema }
        if let t = o["type"]?.stringValue { o["type"] = [.string(t), "null"] }
        if let values = o["enum"]?.arrayValue { o["enum"] = .array(values + [.null]) }
        return .object(o)
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    // MARK: shared request pieces

    static let storeIDPattern = "^[a-z0-9][a-z0-9-]{1,40}$"
    static let storeID = string("Store id.", pattern: storeIDPattern, example: "sh-pudong")
    static let stockNumberPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
    static let stockNumber = string("Dealer stock number (unique within a store).", pattern: stockNumberPattern, example: "SH24001")
    static let vin = string("17-character VIN (I, O and Q never appear).", pattern: "^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$",
                            example: "LGXCE4CB5N0000001")
    static let day = string("A calendar day, read in each store's time zone.", format: "date", example: "2026-05-01")
    static let uuid = string(format: "uuid")
    /// Amounts in whole or decimal units of the store's currency (stored with 2 decimals).
    static let amount = number("Amount in the store's currency (CNY or USD), rounded to 2 decimals.", min: 0.01,
                               max: 999_999_999)
    static let limit = integer("Page size.", min: 1, max: 200, default: 50)
    static let offset = integer("Rows to skip.", min: 0, max: 1_000_000, default: 0)

    // MARK: components

    static let money: JSONValue = object(
        ["amount": number("Amount in currency units (2 decimals)."), "currency": string(enum: Currency.allCases.map(\.rawValue))],
        required: ["amount", "currency"])

    static let error: JSONValue = object(
        ["error": object(["code": string("Stable snake_case code."), "message": string("What went wrong and how to fix it.")],
                         required: ["code", "message"])],
        required: ["error"], description: "The error shape of every 4xx/5xx answer.")

    static let message: JSONValue = object([
        "role": string(enum: ["user", "assistant", "staff", "system"]),
        "agent": nullable(string()),
        "text": string(),
        "cards": array(["type": "object"], description: "Vehicle and quote cards (api.md)."),
        "actions": array(["type": "object"], description: "Suggested next steps (api.md)."),
        "seq": integer("Position in the conversation."),
        "created_at": string(format: "date-time"),
        "redacted": bool("Staff API only: present and true when the reply used data this key's role may not see."),
    ], required: ["role", "agent", "text", "cards", "actions", "seq", "created_at"])

    static let unit: JSONValue = object([
        "store_id": string(), "stock_number": string(), "vin": string(), "year": integer(), "make": string(), "model": string(),
        "make_zh": nullable(string()), "model_zh": nullable(string()), "trim": string(),
        "condition": string(enum: VehicleCondition.allCases.map(\.rawValue)),
        "status": string(enum: UnitStatus.allCases.map(\.rawValue)),
        "body_type": nullable(string(enum: BodyType.allCases.map(\.rawValue))),
        "powertrain": nullable(string(enum: Powertrain.allCases.map(\.rawValue))),
        "drivetrain": nullable(string(enum: Drivetrain.allCases.map(\.rawValue))),
        "seats": nullable(integer()), "range_km": nullable(integer()), "mileage_km": integer(),
        "exterior_color": nullable(string()), "interior_color": nullable(string()),
        "list_price": ref("Money"), "msrp": nullable(ref("Money")),
        "floor_price": nullable(ref("Money")), "cost": nullable(ref("Money")),
        "date_in_stock": nullable(string(format: "date")),
        "created_at": string(format: "date-time"), "updated_at": string(format: "date-time"),
    ], required: ["store_id", "stock_number", "vin", "year", "make", "model", "make_zh", "model_zh", "trim", "condition", "status",
                  "body_type", "powertrain", "drivetrain", "seats", "range_km", "mileage_km", "exterior_color", "interior_color",
                  "list_price", "msrp", "date_in_stock", "created_at", "updated_at"],
       description: "An inventory unit. floor_price and cost are present only for manager and admin keys.")

    static let lead: JSONValue = object([
        "id": uuid, "store_id": string(), "name": string(), "phone": nullable(string()), "email": nullable(string()),
        "interest": string(enum: ["buy", "lease", "trade-in", "test-drive"]),
        "status": string(enum: ["new", "contacted", "qualified", "won", "lost"]),
        "stock_number": nullable(string()), "vin": nullable(string()), "vehicle": ["type": ["object", "null"]],
        "conversation_id": nullable(uuid), "note": nullable(string()),
        "created_at": string(format: "date-time"), "updated_at": string(format: "date-time"),
    ], required: ["id", "store_id", "name", "phone", "email", "interest", "status", "stock_number", "vin", "vehicle",
                  "conversation_id", "note", "created_at", "updated_at"])

    static let conversationSummary: JSONValue = object([
        "id": uuid, "store_id": string(), "channel": string(enum: ["widget", "staff", "cli"]), "locale": string(),
        "status": string(enum: ["active", "waiting_staff", "staff", "closed"]), "turn_count": integer(),
        "message_count": integer(), "preview": string("The latest customer message (160 characters at most)."),
        "created_at": string(format: "date-time"), "updated_at": string(format: "date-time"),
    ], required: ["id", "store_id", "channel", "locale", "status", "turn_count", "message_count", "preview", "created_at", "updated_at"])

    static let toolCall: JSONValue = object([
        "tool": string(), "caller": string(), "arguments": ["description": "The arguments as called (JSON)."],
        "result": ["description": "The result (JSON), null when the call failed."], "ok": bool(),
        "error_code": nullable(string()), "duration_ms": number(), "created_at": string(),
        "redacted": bool("Present and true when the result is withheld from this key's role (margin data)."),
        "needs_role": string("The least role that may read the withheld result.", enum: StaffRole.allCases.map(\.rawValue)),
    ], required: ["tool", "caller", "arguments", "result", "ok", "error_code", "duration_ms", "created_at"])

    static let turn: JSONValue = object([
        "id": uuid, "intent": string(), "agent": string(), "confidence": number(), "slots": ["type": "object"],
        "backend": string("Backend profile that answered; `+fallback` when the embedded backend took over."),
        "fallback": bool(), "llm_calls": integer(), "prompt_tokens": integer(), "completion_tokens": integer(),
        "llm_ms": integer(), "total_ms": integer(), "timings": ["type": "object"], "guardrail": nullable(string()),
        "created_at": string(format: "date-time"), "tool_calls": array(ref("ToolCall")),
    ], required: ["id", "intent", "agent", "confidence", "slots", "backend", "fallback", "llm_calls", "prompt_tokens",
                  "completion_tokens", "llm_ms", "total_ms", "timings", "guardrail", "created_at", "tool_calls"])

    static let turnAnswer: JSONValue = object([
        "turn_id": uuid, "intent": string(enum: Intent.allCases.map(\.rawValue)), "agent": string(),
        "messages": array(ref("Message")),
        "status": string("Conversation status after the turn.", enum: ["active", "waiting_staff", "staff", "closed"]),
    ], required: ["turn_id", "intent", "agent", "messages", "status"])

    static let counts: [String: JSONValue] = ["total": integer("Rows before paging."), "limit": integer(), "offset": integer()]

    static let analytics: JSONValue = object([
        "from": nullable(string(format: "date")), "to": nullable(string(format: "date")),
        "store_ids": nullable(array(string())),
        "totals": object([
            "sessions": integer("Widget sessions started."), "engaged_sessions": integer("Sessions with at least one turn."),
            "handoffs": integer("Sessions with a human_handoff turn."),
            "handoff_rate": number("handoffs ÷ engaged_sessions, 4 decimals.", min: 0, max: 1),
            "turns": integer(), "leads": integer(), "test_drives": integer("Test drives booked (appointments created)."),
            "llm_calls": integer(), "prompt_tokens": integer(), "completion_tokens": integer(),
        ], required: ["sessions", "engaged_sessions", "handoffs", "handoff_rate", "turns", "leads", "test_drives", "llm_calls",
                      "prompt_tokens", "completion_tokens"]),
        "intent_mix": array(object(["intent": string(), "turns": integer()], required: ["intent", "turns"])),
        "per_day": array(object(["day": string(format: "date"), "sessions": integer(), "turns": integer(), "leads": integer(),
                                 "test_drives": integer()], required: ["day", "sessions", "turns", "leads", "test_drives"]),
                         description: "Store-local days with any activity, oldest first."),
        "llm_usage": array(object(["agent": string(), "backend": string(), "turns": integer(), "llm_calls": integer(),
                                   "prompt_tokens": integer(), "completion_tokens": integer(), "fallbacks": integer()],
                                  required: ["agent", "backend", "turns", "llm_calls", "prompt_tokens", "completion_tokens", "fallbacks"]),
                           description: "Every channel (widget and staff assist), by agent and backend."),
    ], required: ["from", "to", "store_ids", "totals", "intent_mix", "per_day", "llm_usage"])

    static let agent: JSONValue = object([
        "id": string(), "display_name": ["type": "object", "additionalProperties": ["type": "string"]],
        "instructions": string(), "tools": array(string()), "handoffs": array(string()), "backend": string(),
        "max_steps": integer(), "temperature": number(),
    ], required: ["id", "display_name", "instructions", "tools", "handoffs", "backend", "max_steps", "temperature"])

    /// `FeedImportReport` (the same report as `showroom import FILE`).
    static let importIssue: JSONValue = object([
        "row": integer("1-based data row (header and blank lines not counted)."), "line": integer("1-based line the row starts on."),
        "field": string("The field at fault, when one is."), "code": string("Stable snake_case code, e.g. vin_check_digit."),
        "reason": string(),
    ], required: ["row", "line", "code", "reason"])

    static let importReport: JSONValue = object([
        "store": string(), "rows": integer("Data rows read."), "inserted": integer(), "updated": integer(),
        "unchanged": integer(), "rejected": array(importIssue), "warnings": array(importIssue),
        "duplicate_vins": integer("Rows superseded by a later row with the same VIN."),
        "unknown_columns": array(string()), "elapsed_seconds": number(), "rows_per_second": number(),
    ], required: ["store", "rows", "inserted", "updated", "unchanged", "rejected", "warnings"],
       description: "Every data row is inserted, updated, unchanged, rejected with its reason, or superseded; a feed is applied whole or not at all.")

    static let components: [String: JSONValue] = [
        "Error": error, "Money": money, "Message": message, "Unit": unit, "Lead": lead,
        "ConversationSummary": conversationSummary, "ToolCall": toolCall, "Turn": turn, "TurnAnswer": turnAnswer,
        "Analytics": analytics, "Agent": agent, "ImportReport": importReport,
    ]
}
