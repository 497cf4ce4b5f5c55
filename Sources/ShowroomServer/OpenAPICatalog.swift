import ShowroomCore
import ShowroomData

/// Every documented operation of the public, staff and operations surfaces, in one list.
///
/// Handlers take their operation from here to validate parameters and bodies;
/// `OpenAPIDocument` renders the same list as `/openapi.json`.
enum OpenAPICatalog {
    typealias S = OpenAPISchema
    typealias Op = OpenAPIOperation

    static func q(_ name: String, _ schema: JSONValue, required: Bool = false, _ description: String = "") -> Op.Param {
        Op.Param(name: name, location: .query, schema: schema, required: required, description: description)
    }

    static func p(_ name: String, _ schema: JSONValue, _ description: String = "") -> Op.Param {
        Op.Param(name: name, location: .path, schema: schema, required: true, description: description)
    }

    static func ok(_ schema: JSONValue, _ description: String = "OK", status: Int = 200) -> Op.Reply {
        Op.Reply(status: status, description: description, content: ["application/json": schema])
    }

    static func json(_ schema: JSONValue) -> [String: JSONValue] { ["application/json": schema] }

    static func conflict(_ description: String) -> Op.Reply {
        Op.Reply(status: 409, description: description, content: json(S.ref("Error")))
    }

    static let scopedStore = q("store_id", S.storeID, "Only this store (it must be in the key's scope); every store in scope when omitted.")
    static let unitStore = q("store_id", S.storeID,
                             "The unit's store. When omitted the stock number is looked up in every store in the key's scope (409 when it is ambiguous).")

    // MARK: public chat

    static let createSession = Op(
        id: "createSession", method: "post", path: "/v1/chat/sessions", tag: "chat",
        summary: "Start a chat session for a store's widget",
        description: "Needs the store's publishable key; browsers must come from one of the store's allowed origins.",
        auth: .publishableKey,
        body: json(S.object([
            "store_id": S.storeID,
            "locale": S.string("BCP 47 locale; the store's locale when omitted.", pattern: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$",
                               max: 20, example: "zh-CN"),
            "stock_number": S.stockNumber, "vin": S.vin,
        ], required: ["store_id"])),
        replies: [ok(S.object([
            "session_id": S.uuid, "session_token": S.string("Bearer token for this session only."), "store_id": S.string(),
            "expires_in": S.integer("Seconds."), "greeting": S.ref("Message"),
        ], required: ["session_id", "session_token", "store_id", "expires_in", "greeting"]), "Session created", status: 201)])

    static let postMessage = Op(
        id: "postMessage", method: "post", path: "/v1/chat/sessions/{id}/messages", tag: "chat",
        summary: "Send a customer message and get the assistant's answer (JSON, or SSE with Accept: text/event-stream)",
        auth: .sessionToken, params: [p("id", S.uuid)],
        body: json(S.textOrBooking),
        replies: [Op.Reply(status: 200, description: "The turn's answer", content: [
            "application/json": S.ref("TurnAnswer"),
            "text/event-stream": S.string("Events route, tool, delta, card, then done (the JSON answer)."),
        ]), Op.Reply(status: 413, description: "The message is longer than 2000 characters (message_too_long).",
                     content: json(S.ref("Error")))])

    static let transcript = Op(
        id: "getTranscript", method: "get", path: "/v1/chat/sessions/{id}/messages", tag: "chat",
        summary: "The session's transcript, oldest first (poll with after=SEQ for staff replies)",
        auth: .sessionToken,
        params: [p("id", S.uuid), q("after", S.integer(min: -1, max: 1_000_000), "Only messages after this seq.")],
        replies: [ok(S.object(["messages": S.array(S.ref("Message")),
                               "status": S.string(enum: ["active", "waiting_staff", "staff", "closed"]),
                               "vehicle": S.nullable(vehicleContext)],
                              required: ["messages", "status"]))])

    static let vehicleContext = S.object(["stock_number": S.stockNumber, "vin": S.vin], required: ["stock_number", "vin"])

    static let setVehicle = Op(
        id: "setSessionVehicle", method: "post", path: "/v1/chat/sessions/{id}/vehicle", tag: "chat",
        summary: "The customer is now on this car's page: make it the session's vehicle context",
        description: "The widget calls this when a stored session is resumed on a vehicle page about another car. "
            + "The answer's message (null when the car already was the context) talks about the car, "
            + "or says it is no longer available and shows similar available cars.",
        auth: .sessionToken, params: [p("id", S.uuid)],
        body: json(S.oneOfRequired(S.object([
            "stock_number": S.stockNumber, "vin": S.vin,
            "locale": S.string("The widget's language for the message; the session's locale when omitted.", max: 20, example: "zh-CN"),
        ]), ["stock_number", "vin"])),
        replies: [ok(S.object(["vehicle": vehicleContext, "message": S.nullable(S.ref("Message"))],
                              required: ["vehicle", "message"]))])

    static let slots = Op(
        id: "getSlots", method: "get", path: "/v1/chat/sessions/{id}/slots", tag: "chat",
        summary: "Free test drive start times over the next 7 days (store-local times with offset)",
        auth: .sessionToken, params: [p("id", S.uuid), q("stock_number", S.stockNumber, "Only times this unit is free.")],
        replies: [ok(S.object(["slots": S.array(S.string(format: "date-time")), "timezone": S.string()],
                              required: ["slots", "timezone"])),
                  conflict("The unit is sold, on hold or in transit: it cannot be test-driven (`vehicle_unavailable`).")])

    // MARK: staff inventory

    static let inventoryList = Op(
        id: "listInventory", method: "get", path: "/v1/staff/inventory", tag: "inventory",
        summary: "List units of every status, filtered and paged", auth: .staff(.sales),
        params: [scopedStore, q("status", S.string(enum: UnitStatus.allCases.map(\.rawValue))), q("make", S.text(max: 60)),
                 q("model", S.text(max: 60)), q("condition", S.string(enum: VehicleCondition.allCases.map(\.rawValue))),
                 q("price_min", S.number(min: 0, max: 999_999_999)), q("price_max", S.number(min: 0, max: 999_999_999)),
                 q("limit", S.limit), q("offset", S.offset)],
        replies: [ok(S.object(S.counts.merging(["units": S.array(S.ref("Unit"))]) { a, _ in a },
                              required: ["total", "limit", "offset", "units"]))])

    static let unitFields: [String: JSONValue] = [
        "list_price": S.amount, "msrp": S.amount, "floor_price": S.amount, "cost": S.amount,
        "status": S.string(enum: UnitStatus.allCases.map(\.rawValue)),
        "mileage_km": S.integer(min: 0, max: 2_000_000), "exterior_color": S.text(max: 60), "interior_color": S.text(max: 60),
        "trim": S.text(max: 120), "range_km": S.integer(min: 0, max: 3000), "date_in_stock": S.string(format: "date"),
    ]

    static let inventoryCreate = Op(
        id: "createUnit", method: "post", path: "/v1/staff/inventory", tag: "inventory",
        summary: "Add a unit", description: "make and model must name a catalog model (name, alias or Chinese name); the currency is the store's.",
        auth: .staff(.manager),
        body: json(S.object(unitFields.merging([
            "store_id": S.storeID, "stock_number": S.stockNumber, "vin": S.vin,
            "make": S.text(min: 1, max: 60), "model": S.text(min: 1, max: 60),
            "year": S.integer(min: 1950, max: 2100),
            "condition": S.string(enum: VehicleCondition.allCases.map(\.rawValue)),
            "body_type": S.string(enum: BodyType.allCases.map(\.rawValue)),
            "powertrain": S.string(enum: Powertrain.allCases.map(\.rawValue)),
            "drivetrain": S.string(enum: Drivetrain.allCases.map(\.rawValue)), "seats": S.integer(min: 1, max: 12),
        ]) { a, _ in a }, required: ["store_id", "stock_number", "vin", "make", "model", "year", "condition", "list_price"], closed: true)),
        replies: [ok(S.ref("Unit"), "Created", status: 201), conflict("The store already has this stock number or VIN.")])

    static let unitGet = Op(
        id: "getUnit", method: "get", path: "/v1/staff/inventory/{stock_number}", tag: "inventory",
        summary: "One unit", auth: .staff(.sales), params: [p("stock_number", S.stockNumber), unitStore],
        replies: [ok(S.ref("Unit")), conflict("The stock number exists in several stores of the key's scope; pass store_id.")])

    static let unitPatch = Op(
        id: "updateUnit", method: "patch", path: "/v1/staff/inventory/{stock_number}", tag: "inventory",
        summary: "Edit a unit (only the fields sent change)", auth: .staff(.manager),
        params: [p("stock_number", S.stockNumber), unitStore],
        body: json(S.object(unitFields, closed: true)),
        replies: [ok(S.ref("Unit")), conflict("The stock number exists in several stores of the key's scope; pass store_id.")])

    static let unitDelete = Op(
        id: "deleteUnit", method: "delete", path: "/v1/staff/inventory/{stock_number}", tag: "inventory",
        summary: "Remove a unit", auth: .staff(.manager), params: [p("stock_number", S.stockNumber), unitStore],
        replies: [Op.Reply(status: 204, description: "Removed", content: [:]),
                  conflict("The stock number exists in several stores of the key's scope; pass store_id.")])

    static let inventoryImport = Op(
        id: "importInventory", method: "post", path: "/v1/staff/inventory/import", tag: "inventory",
        summary: "Import a dealer inventory feed (CSV); all or nothing",
        description: "The same importer as `showroom import FILE`: answers a report and never half-applies a feed.",
        auth: .staff(.manager), params: [q("store_id", S.storeID, required: true)],
        // The documented form starts with the canonical header; the importer also maps common variants.
        body: ["text/csv": S.string("CSV with a header row (VIN, Year, Make, Model, Price, then any other columns).",
                                    pattern: "^VIN,Year,Make,Model,Price(,[^\\r\\n]*)?\\r?\\n[\\s\\S]*$")],
        replies: [ok(S.ref("ImportReport"))])

    // MARK: staff leads

    static let leadStatus = S.string(enum: ["new", "contacted", "qualified", "won", "lost"])

    static let leadList = Op(
        id: "listLeads", method: "get", path: "/v1/staff/leads", tag: "leads",
        summary: "Leads captured by the assistant (JSON, or CSV with format=csv)",
        description: "CSV ignores paging and holds up to 10,000 leads, newest first.",
        auth: .staff(.sales),
        params: [scopedStore, q("from", S.day), q("to", S.day), q("status", leadStatus),
                 q("format", S.string(enum: ["json", "csv"])), q("limit", S.limit), q("offset", S.offset)],
        replies: [Op.Reply(status: 200, description: "Leads", content: [
            "application/json": S.object(S.counts.merging(["leads": S.array(S.ref("Lead"))]) { a, _ in a },
                                         required: ["total", "limit", "offset", "leads"]),
            "text/csv": S.string("One lead per row after a header row."),
        ])])

    static let leadGet = Op(
        id: "getLead", method: "get", path: "/v1/staff/leads/{lead_id}", tag: "leads", summary: "One lead",
        auth: .staff(.sales), params: [p("lead_id", S.uuid)], replies: [ok(S.ref("Lead"))])

    static let leadADF = Op(
        id: "getLeadADF", method: "get", path: "/v1/staff/leads/{lead_id}/adf", tag: "leads",
        summary: "The lead as ADF 1.0 XML for a dealer CRM", auth: .staff(.sales), params: [p("lead_id", S.uuid)],
        replies: [Op.Reply(status: 200, description: "ADF XML", content: ["application/xml": S.string()])])

    // MARK: staff conversations and takeover

    static let conversationStatus = S.string(enum: ["active", "waiting_staff", "staff", "closed"])

    static let conversationList = Op(
        id: "listConversations", method: "get", path: "/v1/staff/conversations", tag: "conversations",
        summary: "Conversations, most recently active first (status=waiting_staff lists those waiting for a person)",
        auth: .staff(.sales),
        params: [scopedStore, q("status", conversationStatus), q("channel", S.string(enum: ["widget", "staff", "cli"])),
                 q("from", S.day), q("to", S.day), q("limit", S.limit), q("offset", S.offset)],
        replies: [ok(S.object(S.counts.merging(["conversations": S.array(S.ref("ConversationSummary"))]) { a, _ in a },
                              required: ["total", "limit", "offset", "conversations"]))])

    static let conversationGet = Op(
        id: "getConversation", method: "get", path: "/v1/staff/conversations/{conversation_id}", tag: "conversations",
        summary: "A transcript with, per turn, intent, agent, backend, fallback, timings, model usage, guardrail and tool calls",
        auth: .staff(.sales), params: [p("conversation_id", S.uuid)],
        replies: [ok(S.object(["conversation": S.ref("ConversationSummary"), "messages": S.array(S.ref("Message")),
                               "turns": S.array(S.ref("Turn"))], required: ["conversation", "messages", "turns"]))])

    static let statusChange = S.object(["conversation_id": S.uuid, "status": S.string(), "previous_status": S.string()],
                                       required: ["conversation_id", "status", "previous_status"])

    static let takeover = Op(
        id: "takeOverConversation", method: "post", path: "/v1/staff/conversations/{conversation_id}/takeover",
        tag: "conversations", summary: "Take a conversation over: the assistant pauses and staff reply",
        auth: .staff(.sales), params: [p("conversation_id", S.uuid)],
        replies: [ok(statusChange), conflict("The conversation is closed.")])

    static let staffReply = Op(
        id: "replyToConversation", method: "post", path: "/v1/staff/conversations/{conversation_id}/messages",
        tag: "conversations", summary: "Reply as staff (the widget shows it on its next poll); takes the conversation over",
        auth: .staff(.sales), params: [p("conversation_id", S.uuid)],
        body: json(S.object(["text": S.message("The reply.", max: 2000)], required: ["text"], closed: true)),
        replies: [ok(S.object(["message": S.ref("Message"), "status": S.string()], required: ["message", "status"]),
                     "Sent", status: 201), conflict("The conversation is closed.")])

    static let release = Op(
        id: "releaseConversation", method: "post", path: "/v1/staff/conversations/{conversation_id}/release",
        tag: "conversations", summary: "Hand a conversation back to the assistant",
        auth: .staff(.sales), params: [p("conversation_id", S.uuid)],
        replies: [ok(statusChange), conflict("The conversation is closed.")])

    // MARK: staff analytics, routing, assist, agents, stores

    static let analytics = Op(
        id: "getAnalytics", method: "get", path: "/v1/staff/analytics", tag: "analytics",
        summary: "Sessions, turns, intent mix, handoff rate, leads and test drives per day, LLM calls and tokens",
        description: "Days are store-local and inclusive. Sessions, turns, intents and handoffs count the widget channel; LLM usage counts every channel.",
        auth: .staff(.manager), params: [q("from", S.day), q("to", S.day), scopedStore],
        replies: [ok(S.ref("Analytics"))])

    static let route = Op(
        id: "routeText", method: "post", path: "/v1/staff/route", tag: "assist",
        summary: "The routing decision for a text (routing debugger)", auth: .staff(.sales),
        body: json(S.object(["text": S.message("Customer text to route.", max: 2000)], required: ["text"], closed: true)),
        replies: [ok(S.object(["intent": S.string(enum: Intent.allCases.map(\.rawValue)), "agent": S.string(),
                               "confidence": S.number(min: 0, max: 1), "slots": ["type": "object"]],
                              required: ["intent", "agent", "confidence", "slots"]))])

    static let assist = Op(
        id: "assist", method: "post", path: "/v1/staff/assist", tag: "assist",
        summary: "A staff-side chat with the same agents plus staff-only tools",
        description: "Starts a staff-channel conversation, or continues one with conversation_id; only the key that opened a conversation continues it (403 otherwise).",
        auth: .staff(.sales),
        body: json(S.object(["store_id": S.storeID, "text": S.message("The staff member's message.", max: 2000),
                             "conversation_id": S.uuid], required: ["store_id", "text"], closed: true)),
        replies: [ok(S.object(["conversation_id": S.uuid, "turn_id": S.uuid, "intent": S.string(), "agent": S.string(),
                               "messages": S.array(S.ref("Message")), "status": S.string(),
                               "tool_calls": S.array(S.object(["name": S.string(), "ok": S.bool(), "error_code": S.nullable(S.string())],
                                                              required: ["name", "ok", "error_code"]))],
                              required: ["conversation_id", "turn_id", "intent", "agent", "messages", "status", "tool_calls"])),
                  conflict("conversation_id names a conversation of another store or channel.")])

    static let agentList = Op(
        id: "listAgents", method: "get", path: "/v1/staff/agents", tag: "agents", summary: "Agent definitions in force",
        auth: .staff(.admin), replies: [ok(S.object(["agents": S.array(S.ref("Agent"))], required: ["agents"]))])

    static let agentReload = Op(
        id: "reloadAgents", method: "post", path: "/v1/staff/agents/reload", tag: "agents",
        summary: "Reload agent definitions from agents/ without a restart (a bad file keeps the ones in force)",
        description: "Affects every store: needs an admin key not limited to stores (403 forbidden_store otherwise).",
        auth: .staff(.admin),
        replies: [ok(S.object(["agents": S.array(S.ref("Agent"))], required: ["agents"])),
                  conflict("A definition file is invalid; the definitions in force stay.")])

    static let storeSettings = Op(
        id: "updateStoreSettings", method: "patch", path: "/v1/staff/stores/{store_id}/settings", tag: "stores",
        summary: "Switch the assistant off or on and set quiet hours",
        description: "With the assistant off, the widget tells customers when staff will answer and captures a lead instead.",
        auth: .staff(.manager), params: [p("store_id", S.storeID)],
        body: json(S.object([
            "assistant_enabled": S.bool(),
            // The lookahead says what QuietHours checks too: start and end differ (00:00-00:00 is no range).
            "quiet_hours": S.nullable(S.string("Local time range when only staff answer, e.g. 21:00-09:00; start and end differ.",
                                               pattern: #"^(?!([0-9]{2}:[0-9]{2})-\1$)([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$"#)),
        ], closed: true)),
        replies: [ok(S.object(["store_id": S.string(), "settings": ["type": "object"]], required: ["store_id", "settings"]))])

    // MARK: operations

    static let live = Op(id: "live", method: "get", path: "/health/live", tag: "operations", summary: "The process is up",
                         auth: .none, replies: [ok(S.object(["status": S.string()], required: ["status"]))])
    static let ready = Op(id: "ready", method: "get", path: "/health/ready", tag: "operations",
                          summary: "Ready when PostgreSQL answers and migrations are current", auth: .none,
                          replies: [ok(S.object(["status": S.string(), "schema_version": S.integer()], required: ["status"])),
                                    Op.Reply(status: 503, description: "Not ready", content: json(S.ref("Error")))])
    static let metrics = Op(id: "metrics", method: "get", path: "/metrics", tag: "operations", summary: "Prometheus metrics",
                            auth: .none, replies: [Op.Reply(status: 200, description: "Prometheus text format",
                                                            content: ["text/plain": S.string()])])
    static let openapi = Op(id: "openapi", method: "get", path: "/openapi.json", tag: "operations",
                            summary: "This document", auth: .none, replies: [ok(["type": "object"])])

    // MARK: MCP

    /// `POST /mcp`, served by `MCPController` (the SDK's transport), documented here.
    static let mcp = Op(
        id: "mcp", method: "post", path: "/mcp", tag: "mcp",
        summary: "The tool registry over the Model Context Protocol (Streamable HTTP, stateless, JSON answers)",
        description: "JSON-RPC 2.0: initialize, tools/list, tools/call. Send Accept: application/json and MCP-Protocol-Version; "
            + "tools are filtered by the key's role. Bad JSON is -32700, a message that is not JSON-RPC 2.0 is -32600 (HTTP 400).",
        auth: .staff(.sales),
        body: json(S.object(["jsonrpc": S.string(enum: ["2.0"]), "id": ["type": ["string", "integer"]], "method": S.string(),
                             "params": ["type": "object"]], required: ["jsonrpc", "method"])),
        replies: [ok(S.object(["jsonrpc": S.string(enum: ["2.0"]), "id": ["type": ["string", "integer", "null"]],
                               "result": ["type": "object"], "error": ["type": "object"]], required: ["jsonrpc"]),
                     "A JSON-RPC response (a tool failure is a result with isError: true)"),
                  Op.Reply(status: 406, description: "Accept does not include application/json.", content: [:]),
                  Op.Reply(status: 421, description: "Host or Origin not allowed (DNS-rebinding protection).", content: [:])])

    /// Operations the document describes that other controllers route (with their own 405s).
    static let documentedOnly: [Op] = [mcp]

    /// Everything `/openapi.json` describes.
    static var documented: [Op] { all + documentedOnly }

    /// Every operation, in document order.
    static let all: [Op] = [
        createSession, postMessage, transcript, slots, setVehicle,
        inventoryList, inventoryCreate, unitGet, unitPatch, unitDelete, inventoryImport,
        leadList, leadGet, leadADF,
        conversationList, conversationGet, takeover, staffReply, release,
        analytics, route, assist, agentList, agentReload, storeSettings,
        live, ready, metrics, openapi,
    ]
}
