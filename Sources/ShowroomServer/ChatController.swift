import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// The public chat API of api.md: sessions, messages (JSON or SSE), transcript, free slots.
struct ChatController {
    let app: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        let chat = router.group("v1/chat")
        chat.post("sessions", use: createSession)
        chat.post("sessions/:id/messages", use: postMessage)
        chat.get("sessions/:id/messages", use: transcript)
        chat.get("sessions/:id/slots", use: slots)
        chat.post("sessions/:id/vehicle", use: setVehicle)
        for path in ["sessions", "sessions/:id/messages", "sessions/:id/slots", "sessions/:id/vehicle"] {
            chat.on(RouterPath(path), method: .options) { req, _ in try await app.origins.preflight(req) }
        }
    }

    // MARK: handlers

    @Sendable func createSession(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        try await limit("ip-session:\(clientIP(req, ctx))", app.config.rateLimit.sessionsPerIPPerMinute)
        let body = try await OpenAPICatalog.createSession.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        guard let storeText = body["store_id"]?.stringValue, !storeText.isEmpty else {
            throw ShowroomError.invalid("store_id is required.")
        }
        guard let key = req.headers[HTTPField.Name("X-Showroom-Key")!], !key.isEmpty else {
            throw ShowroomError("missing_key", "The X-Showroom-Key header with the store's publishable key is required.", status: 401)
        }
        guard let store = try await app.stores.store(StoreID(storeText)) else {
            throw ShowroomError("store_not_found", "No store with id '\(storeText)'.", status: 404)
        }
        guard store.publishableKey == key else {
            throw ShowroomError("invalid_key", "The publishable key does not belong to this store.", status: 401)
        }
        try app.origins.check(origin: req.headers[.origin], store: store)
        let locale = body["locale"]?.stringValue.flatMap { $0.count <= 20 ? $0 : nil } ?? store.locale
        let language = Language(locale: locale)

        let vehicle = try await pageVehicle(body, store: store)
        let context: JSONValue? = vehicle.map(Self.context)
        let conversations = ConversationRepository(db: app.db)
        let id = try await conversations.create(store: store.id, channel: "widget", locale: locale, vehicleContext: context)
        let similar = try await Greeting.similar(to: vehicle, db: app.db)
        let greeting = Greeting.message(store: store, language: language, vehicle: vehicle, similar: similar, now: app.runner.now())
        let saved = try await conversations.append(id, messages: [greeting])
        let token = app.tokens.issue(session: id, store: store.id, ttl: app.config.sessionTTLSeconds)
        ctx.logger.info("session created", metadata: ["conversation_id": .string(id.uuidString.lowercased()),
                                                      "store_id": .string(store.id.rawValue), "locale": .string(locale)])
        let out: JSONValue = [
            "session_id": .string(id.uuidString.lowercased()), "session_token": .string(token),
            "store_id": .string(store.id.rawValue), "expires_in": .number(Double(app.config.sessionTTLSeconds)),
            "greeting": saved.first?.json ?? .null,
        ]
        return APIResponse.json(out, status: .created)
    }

    @Sendable func postMessage(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        var ctx = ctx
        let (id, store) = try await authorizeWrite(req, &ctx)
        let body = try await JSONBody.object(req, context: ctx, limit: app.config.maxBodyBytes)
        let text = body["text"]?.stringValue ?? ""
        var booking: BookingForm?
        if let b = body["booking"], b != .null {
            do { booking = try b.decode(as: BookingForm.self) } catch {
                throw ShowroomError.invalid("booking needs start, name, phone and consent.")
            }
        }
        if body["text"] != nil && body["text"]?.stringValue == nil { throw ShowroomError.invalid("text must be a string.") }
        try Self.checkForm(text: text, booking: booking)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || booking != nil else {
            throw ShowroomError("empty_message", "text is required.")
        }
        guard text.count <= TurnInput.maxLength else {
            throw ShowroomError("message_too_long", "Messages are limited to \(TurnInput.maxLength) characters.", status: 413)
        }
        let input = TurnInput(conversationID: id, text: text, booking: booking, scope: .customer, callerLabel: "widget")
        _ = store
        if (req.headers[.accept] ?? "").contains("text/event-stream") {
            ctx.logger.info("turn started", metadata: ["stream": "sse", "chars": .stringConvertible(text.count)])
            return SSE.response(events: app.runner.stream(input), logger: ctx.logger)
        }
        ctx.logger.info("turn started", metadata: ["stream": "json", "chars": .stringConvertible(text.count)])
        let result = try await app.runner.respond(input)
        ctx.logger.info("turn finished", metadata: ["turn_id": .string(result.turnID.uuidString.lowercased()),
                                                    "intent": .string(result.intent.rawValue), "agent": .string(result.agent),
                                                    "backend": .string(result.backend), "fallback": .stringConvertible(result.fallback)])
        return APIResponse.json(result.json)
    }

    @Sendable func transcript(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        var ctx = ctx
        let (id, _) = try await authorize(req, ctx)
        ctx.logger[metadataKey: "conversation_id"] = .string(id.uuidString.lowercased())
        try await limit("ip:\(clientIP(req, ctx))", app.config.rateLimit.perIPPerMinute)
        let after = try OpenAPICatalog.transcript.query(req)["after"]?.intValue
        guard let state = try await ConversationRepository(db: app.db).load(id, recentLimit: 0) else {
            throw ShowroomError("not_found", "No such session.", status: 404)  // e.g. removed by `showroom retention`
        }
        let messages = try await ConversationRepository(db: app.db).messages(id, afterSeq: after)
        return APIResponse.json(["messages": .array(messages.map(\.json)), "status": .string(state.status),
                                 "vehicle": state.vehicleContext ?? .null])
    }

    /// The widget moved to another car's page within the session: that car becomes the session's
    /// vehicle context and focus, and a short message about it is added (none when it already was).
    @Sendable func setVehicle(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        var ctx = ctx
        let (id, store) = try await authorizeWrite(req, &ctx)
        let body = try await OpenAPICatalog.setVehicle.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        guard let vehicle = try await pageVehicle(body, store: store) else {
            throw ShowroomError.invalid("stock_number or vin is required.")
        }
        let conversations = ConversationRepository(db: app.db)
        guard let state = try await conversations.load(id, recentLimit: 0) else {
            throw ShowroomError("not_found", "No such session.", status: 404)
        }
        let context = Self.context(vehicle)
        if state.vehicleContext?["stock_number"] == context["stock_number"] {
            return APIResponse.json(.object(["vehicle": context, "message": .null]))
        }
        let locale = body["locale"]?.stringValue ?? state.locale
        let similar = try await Greeting.similar(to: vehicle, db: app.db)
        let greeting = Greeting.message(store: store, language: Language(locale: locale), vehicle: vehicle, similar: similar, welcome: false, now: app.runner.now())
        guard let saved = try await conversations.focusVehicle(id, context: context, stockNumber: vehicle.stockNumber, greeting: greeting) else {
            throw ShowroomError("not_found", "No such session.", status: 404)
        }
        return APIResponse.json(["vehicle": context, "message": saved.json])
    }

    @Sendable func slots(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let (_, store) = try await authorize(req, ctx)
        try await limit("ip:\(clientIP(req, ctx))", app.config.rateLimit.perIPPerMinute)
        let stock = req.uri.queryParameters.get("stock_number").map { String($0) }
        if let stock, let unit = try await InventoryRepository(db: app.db).unit(store: store.id, stockNumber: stock),
           unit.status != .available {
            throw ShowroomError("vehicle_unavailable", "\(unit.stockNumber) is \(unit.status == .sold ? "sold" : "not available") and cannot be test-driven.",
                                status: 409)
        }
        let free = try await FreeSlots.next(db: app.db, store: store, stockNumber: stock, days: 7, now: app.runner.now())
        return APIResponse.json(["slots": .array(free.map { .string($0) }), "timezone": .string(store.timezone)])
    }

    // MARK: helpers

    /// The car a body names by `stock_number` or `vin` at this store; nil when it names none, 404 when unknown.
    func pageVehicle(_ body: [String: JSONValue], store: Store) async throws -> VehicleRecord? {
        let stock = body["stock_number"]?.stringValue, vin = body["vin"]?.stringValue
        guard stock != nil || vin != nil else { return nil }
        guard let v = try await InventoryRepository(db: app.db).unit(store: store.id, stockNumber: stock, vin: vin?.uppercased()) else {
            throw ShowroomError("unknown_vehicle", "No vehicle '\(stock ?? vin ?? "")' at this store.", status: 404)
        }
        return v
    }

    /// The customer's address for rate limits: the peer, or behind a trusted proxy the forwarded client.
    func clientIP(_ req: Request, _ ctx: AppRequestContext) -> String {
        let forwarded = req.headers[values: .xForwardedFor]  // several header lines read as one list
        return app.config.trustedProxies.clientIP(peer: ctx.clientIP, forwardedFor: forwarded.isEmpty ? nil : forwarded.joined(separator: ","))
    }

    static func context(_ v: VehicleRecord) -> JSONValue { ["stock_number": .string(v.stockNumber), "vin": .string(v.vin)] }

    /// `authorize` for a request that changes the session: tags the log with the conversation and
    /// takes a token from the caller's per-IP and the session's buckets.
    func authorizeWrite(_ req: Request, _ ctx: inout AppRequestContext) async throws -> (UUID, Store) {
        let (id, store) = try await authorize(req, ctx)
        ctx.logger[metadataKey: "conversation_id"] = .string(id.uuidString.lowercased())
        try await limit("ip:\(clientIP(req, ctx))", app.config.rateLimit.perIPPerMinute)
        try await limit("session:\(id)", app.config.rateLimit.perSessionPerMinute)
        return (id, store)
    }

    /// Verifies the bearer token for the path's session and the request's origin.
    func authorize(_ req: Request, _ ctx: AppRequestContext) async throws -> (UUID, Store) {
        guard let idText = ctx.parameters.get("id"), let id = UUID(uuidString: idText) else {
            throw ShowroomError("not_found", "No such session.", status: 404)
        }
        // The auth scheme is case-insensitive (RFC 9110 §11.1): "bearer" works as well as "Bearer".
        guard let auth = req.headers[.authorization], auth.count > 7, auth.prefix(7).lowercased() == "bearer " else {
            throw ShowroomError("invalid_token", "Missing or invalid session token.", status: 401)
        }
        let storeID = try app.tokens.verify(String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces), session: id)
        guard let store = try await app.stores.store(storeID) else { throw ShowroomError("not_found", "No such session.", status: 404) }
        try app.origins.check(origin: req.headers[.origin], store: store)
        return (id, store)
    }

    func limit(_ key: String, _ perMinute: Int) async throws {
        do { try await app.limiter.check(key, perMinute: perMinute) } catch let r as RateLimited {
            throw RateLimitError(retryAfter: r.retryAfter)
        }
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}

/// 429 in the error shape with Retry-After.
struct RateLimitError: Error, HTTPResponseError {
    var retryAfter: Int
    var status: HTTPResponse.Status { .tooManyRequests }
    func response(from request: Request, context: some RequestContext) throws -> Response {
        APIResponse.error(ShowroomError("rate_limited", "Too many requests; retry in \(retryAfter) s.", status: 429),
                          headers: [.retryAfter: String(retryAfter)])
    }
}

extension ChatController {
    /// What the schema states and the tool would not: no NUL anywhere (PostgreSQL's text and
    /// jsonb cannot hold it) and the form's fields within their documented lengths.
    static func checkForm(text: String, booking: BookingForm?) throws {
        var fields = [("text", text, Int.max)]
        if let b = booking {
            fields += [("booking.start", b.start, 40), ("booking.name", b.name, 100), ("booking.phone", b.phone, 40),
                       ("booking.stock_number", b.stockNumber ?? "", Int.max)]
        }
        for (name, value, max) in fields {
            if value.unicodeScalars.contains("\u{0}") {
                throw ShowroomError("invalid_text", "\(name) contains a NUL character (\\u0000).")
            }
            if value.unicodeScalars.count > max { throw ShowroomError.invalid("\(name) is longer than \(max) characters.") }
        }
    }
}
