import Foundation
import Logging
import ShowroomCore
import ShowroomData
import ShowroomLLM

/// Runs one turn: router → owning agent → bounded tool loop → guardrails → persisted reply.
///
/// One loop over a small next-step decision (tool calls, handoff, final text) capped by the
/// agent's `max_steps`. Input checks run before any tool; the reply is checked before it
/// leaves; turns on one conversation are serialized.
public struct Runner: Sendable {
    public let db: Database
    public let registry: ToolRegistry
    public let agents: AgentCatalogStore
    /// Chat models by backend profile name (HTTP backends already wrapped with retry/breaker).
    public let models: [String: any ChatModel]
    public let router: any TurnRouter
    public let locks: ConversationLocks
    public let now: @Sendable () -> Date
    public let historyLimit: Int
    /// The line of a model's system prompt after which the turn's prefetched tool results follow,
    /// one `tool_name: {json}` line each.
    public static var toolResultsHeading: String { Prompt.resultsHeading }

    /// Whether the tools a turn plainly needs run before a model server is asked (see `run`).
    public let prefetchTools: Bool
    let embedded = EmbeddedChatModel()

    public init(db: Database, registry: ToolRegistry, agents: AgentCatalogStore, models: [String: any ChatModel],
                router: any TurnRouter, locks: ConversationLocks = ConversationLocks(),
                now: @escaping @Sendable () -> Date = { Date() }, historyLimit: Int = 8, prefetchTools: Bool = true) {
        self.db = db
        self.registry = registry
        self.agents = agents
        self.models = models
        self.router = router
        self.locks = locks
        self.now = now
        self.historyLimit = historyLimit
        self.prefetchTools = prefetchTools
    }

    /// The turn's events as they happen; the last one is `.done`. When the consumer goes away the
    /// turn is cancelled: the customer's message is already stored, and the turn gets its row
    /// (guardrail `cancelled`) so the tool calls it made are not left without one.
    public func stream(_ input: TurnInput) -> AsyncThrowingStream<TurnEvent, any Error> {
        AsyncThrowingStream { continuation in
            let turnID = UUID()
            let route = RouteNote()
            let task = Task {
                do {
                    let result = try await locks.with(input.conversationID) {
                        try await run(input, turnID: turnID) { event in
                            if case .route(let intent, let agent) = event { route.set(intent: intent, agent: agent) }
                            continuation.yield(event)
                        }
                    }
                    continuation.yield(.done(result))
                    continuation.finish()
                } catch {
                    if Task.isCancelled, let (intent, agent) = route.value {
                        let db = db
                        // A detached task: the cancelled one's queries would be cancelled too.
                        await Task.detached {
                            try? await ConversationRepository(db: db).recordCancelledTurn(
                                input.conversationID, turnID: turnID, intent: intent.rawValue, agent: agent)
                        }.value
                    }
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { reason in
                if case .cancelled = reason { task.cancel() }
            }
        }
    }

    /// The turn's result (events discarded).
    public func respond(_ input: TurnInput) async throws -> TurnResult {
        try await locks.with(input.conversationID) { try await run(input) { _ in } }
    }

    func run(_ input: TurnInput, turnID: UUID = UUID(), emit: @Sendable (TurnEvent) -> Void) async throws -> TurnResult {
        let started = Date()
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty || input.booking != nil else { throw ShowroomError("empty_message", "The message is empty.") }
        guard text.count <= TurnInput.maxLength else {
            throw ShowroomError("message_too_long", "Messages are limited to \(TurnInput.maxLength) characters.", status: 413)
        }
        let conversations = ConversationRepository(db: db)
        let historyLimit = historyLimit
        guard let conv = try await Self.inChildTask({ try await conversations.load(input.conversationID, recentLimit: historyLimit) }) else {
            throw ShowroomError("conversation_not_found", "No such conversation.", status: 404)
        }
        let db = db
        let store = try await Self.inChildTask { try await StoreRepository(db: db).require(conv.storeID) }
        var profile = ConversationProfile(json: conv.profile)
        if profile.focusStock == nil, let s = conv.vehicleContext?["stock_number"]?.stringValue { profile.focusStock = s }
        let language = Self.language(of: text, fallback: Language(locale: conv.locale))
        profile.language = language

        // Route (code first: escalation and injection never reach a model).
        let routeStart = Date()
        var decision = await router.route(text, context: RouteContext(
            previousIntent: profile.lastIntent, profile: profile.slots, cheapestShownPrice: profile.cheapestShown, currency: store.currency))
        if input.booking != nil { decision = RouteDecision(intent: .testDrive, confidence: 1, slots: decision.slots) }
        let routeMs = Date().timeIntervalSince(routeStart) * 1000
        // The profile keeps what the customer wants; a named unit becomes the focus, not a filter.
        // A trade-in names the customer's own car, which is not what they want to buy.
        if decision.intent != .tradeIn {
            profile.slots = profile.slots.merged(with: decision.slots)
            profile.slots.stockNumber = nil
            profile.slots.vin = nil
        }
        Self.absorbContact(text, into: &profile, booking: input.booking)
        emit(.route(intent: decision.intent, agent: decision.intent.agent))

        let userMessage = StoredMessage(role: "user", agent: nil, text: text.isEmpty ? "(test drive form)" : text)
        // The customer's message is stored before anything can fail or be cancelled, so it is never lost.
        var u = userMessage; u.turnID = turnID
        let savedUser = try await Self.inChildTask { [u] in try await conversations.append(conv.id, messages: [u]) }

        // Customers wait for staff while staff have the conversation, it waits for them, or the
        // assistant is silent (switched off, or quiet hours in the store's time zone).
        let schedule = store.assistantSchedule.status(at: now())
        if input.scope == .customer && (conv.status == "waiting_staff" || conv.status == "staff" || !schedule.assistantAnswers) {
            return try await waitForStaff(Waiting(input: input, conversation: conv, store: store, status: schedule, profile: profile,
                                                  language: language, text: text, intent: decision.intent,
                                                  savedUser: savedUser, turnID: turnID), emit: emit)
        }

        let catalog = await agents.catalog
        guard var agent = catalog[decision.intent.agent] else {
            throw ShowroomError("agent_missing", "No agent '\(decision.intent.agent)' is configured.", status: 500)
        }
        // The staff assist chat's floor price and lead lookups go to an agent that has the tool.
        let staffAsk = input.scope == .staff ? StaffAsk.parse(text, stock: decision.slots.stockNumber) : nil
        if let tool = staffAsk?.tool, !agent.tools.contains(tool),
           let owner = catalog.agents.values.sorted(by: { $0.id < $1.id }).first(where: { $0.tools.contains(tool) }) {
            agent = owner
        }
        let mentions = decision.intent == .compare ? await router.mentions(text) : []
        var turnSlots = profile.slots
        turnSlots.stockNumber = decision.slots.stockNumber
        turnSlots.vin = decision.slots.vin
        var plan = PlanContext(
            intent: decision.intent, slots: turnSlots, storeID: store.id.rawValue, currency: store.currency,
            language: language, text: text, focusStock: profile.focusStock, lastVehicles: profile.lastVehicles,
            mentions: mentions, booking: input.booking, name: profile.name, phone: profile.phone, email: profile.email,
            consent: profile.consent ?? false, leaseRequested: TextFacts.lease(text),
            tradeInYear: decision.intent == .tradeIn ? (decision.slots.yearMin ?? TextFacts.year(text)) : nil,
            tradeInMileageKm: decision.intent == .tradeIn ? decision.slots.mileageMaxKm : nil,
            ordinal: TextFacts.ordinal(text).map { $0 == -1 ? profile.lastVehicles.count : $0 })
        if decision.intent == .tradeIn { plan.slots = decision.slots }
        plan.staffAsk = staffAsk
        plan.unknownModel = plan.slots.unknownModel

        var caller = ToolCaller(db: db, scope: input.scope, label: "\(input.callerLabel):\(agent.id)",
                                fixedStore: input.scope == .customer ? store.id : nil,
                                allowedStores: input.allowedStores ?? (input.scope == .staff ? [store.id] : nil),
                                conversationID: conv.id, turnID: turnID, language: language, intent: decision.intent, now: now)
        caller.loadedStore = store
        var messages = Prompt.messages(agent: agent, store: store, profile: profile, language: language,
                                       recent: conv.recent, userText: text.isEmpty ? Self.describe(input.booking) : text, now: now())
        var outcomes: [ToolOutcome] = []
        var usage = TokenUsage()
        var llmCalls = 0, llmMs = 0.0
        var backendUsed = "embedded"
        var fallback = false
        var finalText: String?

        /// Runs a step's tool calls (handoffs switch the agent) and feeds the results back.
        /// Calls a model server issued are audited with the caller label + ":model", so they can be
        /// told apart from the embedded backend's (its own or as the fallback), which keep the label.
        func execute(_ calls: [ToolCall], fromModel: Bool = false) async {
            var stepCaller = caller
            if fromModel { stepCaller.label += ":model" }
            for call in calls {
                if call.name.hasPrefix("transfer_to_"), let next = catalog[String(call.name.dropFirst("transfer_to_".count))],
                   agent.handoffs.contains(next.id) {
                    agent = next
                    messages.append(.tool(id: call.id, name: call.name, result: "{\"transferred_to\":\"\(next.id)\"}"))
                    messages[0] = .system(Prompt.system(agent: agent, store: store, profile: profile, language: language, now: now()))
                    continue
                }
                emit(.tool(name: call.name, status: "started"))
                let registry = registry, denied = input.deniedTools.contains(call.name), caller = stepCaller
                let outcome = await Self.inChildTask {
                    denied ? await registry.refuse(name: call.name, rawArguments: call.arguments, caller: caller)
                        : await registry.call(name: call.name, rawArguments: call.arguments, caller: caller)
                }
                emit(.tool(name: call.name, status: outcome.ok ? "ok" : "error"))
                outcomes.append(outcome)
                messages.append(.tool(id: call.id, name: call.name, result: outcome.modelText))
            }
        }

        /// The current agent's tools this caller may use.
        func agentTools() -> [ToolSpec] { registry.specs(names: agent.tools.filter { !input.deniedTools.contains($0) }, scope: input.scope) }

        /// Lets the embedded backend run the tools it plans (up to `steps`); its reply, when it got that far.
        let planJSON = (try? JSONValue(encoding: plan)) ?? .null
        func runEmbedded(offered: [ToolSpec], steps: Int) async -> String? {
            for _ in 0..<steps {
                let request = ChatRequest(messages: messages, tools: offered, metadata: ["plan": planJSON])
                guard let step = try? await Self.inChildTask({ [embedded] in try await embedded.complete(request) }) else { return nil }
                if step.toolCalls.isEmpty { return step.content }
                messages.append(.assistant(nil, toolCalls: step.toolCalls))
                await execute(step.toolCalls)
            }
            return nil
        }

        // With a model server behind the agent, the tools the turn plainly needs (planned in code from
        // the router's intent and slots) run first and their results go into the prompt, so the model
        // usually writes the reply in one call instead of spending a call on choosing the tool. On turns
        // with nothing planned the model gets the agent's tools; its calls are validated.
        var prefetched: Range<Int>?
        if prefetchTools, let model = models[agent.backend], model.name != embedded.name {
            let before = messages.count
            _ = await runEmbedded(offered: agentTools(), steps: agent.maxSteps)
            if messages.count > before { prefetched = before..<messages.count }
        }

        // What grounds a reply: this conversation's tool results, and the customer's stated budget (a real one).
        // Earlier turns' results are read and walked once; this turn's are added when asked.
        let convID = conv.id
        var earlierFacts = GroundedFacts(toolResults: (try? await Self.inChildTask { try await AuditRepository(db: db).recentResults(conversationID: convID) }) ?? [])
        for budget in [plan.slots.priceMin, plan.slots.priceMax].compactMap({ $0 }) where budget >= 1000 {
            earlierFacts.addCustomerAmount(budget, currency: plan.slots.currency)
        }
        func groundedFacts() -> GroundedFacts {
            var facts = earlierFacts
            for result in outcomes.compactMap(\.result) { facts.add(toolResult: result) }
            return facts
        }
        var streamed: GuardedStream?

        for _ in 0..<agent.maxSteps {
            var offered = agentTools() + Prompt.handoffSpecs(agent, catalog)
            var metadata: [String: JSONValue] = ["plan": planJSON]
            var sent = messages
            if let range = prefetched {
                // The model writes from the prefetched results, given in the system prompt: every chat
                // template shows that, while some drop tool messages (llama.cpp's chatml-function-calling)
                // and tool schemas would be most of the prompt. The embedded backend, as the fallback,
                // reads the same results from the metadata.
                sent = Prompt.withResults(messages, prefetched: range)
                offered = []
                metadata["prefetched"] = (try? JSONValue(encoding: Array(messages[range]))) ?? .null
            }
            let request = ChatRequest(messages: sent, tools: offered, temperature: agent.temperature,
                                      maxTokens: agent.maxTokens, metadata: metadata)
            let model = models[agent.backend] ?? embedded
            let t0 = Date()
            var response: ChatResponse
            do {
                if offered.isEmpty, model.name != embedded.name {
                    // The model writes the reply from results it already has: stream it, sentence
                    // by sentence as the guard passes them.
                    var stream = GuardedStream(facts: groundedFacts())
                    defer { streamed = stream }
                    var last: ChatResponse?
                    for try await event in model.stream(request) {
                        switch event {
                        case .delta(let text): if let out = stream.feed(text) { emit(.delta(out)) }
                        case .reset: stream.reset()
                        case .completed(let r): last = r
                        }
                    }
                    guard let last else { throw ShowroomError("stream_incomplete", "The model's stream ended without a reply.") }
                    response = last
                } else {
                    response = try await model.complete(request)
                }
            } catch {
                response = try await embedded.complete(request)
                response.fallbackReason = "\(error)"
            }
            // A call to a model server counts (and its time) even when the fallback answered it.
            if model.name != embedded.name {
                llmCalls += 1
                llmMs += Date().timeIntervalSince(t0) * 1000
            }
            usage = usage + response.usage
            if response.fallbackReason != nil { fallback = true }
            // A model's tool calls are validated before anything runs; invalid ones are refused,
            // recorded, and the step is answered by the embedded backend instead.
            if response.backend != "embedded", let refusal = await refuseInvalid(response, offered: offered, caller: caller) {
                outcomes.append(contentsOf: refusal)
                fallback = true
                response = try await embedded.complete(request)
            }
            backendUsed = fallback ? "\(model.name)+fallback" : response.backend
            if response.toolCalls.isEmpty {
                finalText = response.finishReason == "length" ? Self.wholeSentences(of: response.content) : response.content
                break
            }
            messages.append(.assistant(response.content, toolCalls: response.toolCalls))
            await execute(response.toolCalls, fromModel: response.backend != embedded.name)
        }

        // Guardrails: amounts must be grounded, no commitments; otherwise a grounded reply replaces it.
        var guardrail: String?
        var reply = finalText ?? ""
        let violations = ReplyGuard.check(reply: reply, facts: groundedFacts())
        if reply.isEmpty || !violations.isEmpty {
            guardrail = violations.isEmpty ? (finalText == nil ? "max_steps" : "empty_reply") : violations.map(\.description).joined(separator: ",")
            // The embedded backend finishes the turn from here: it runs the tools it still needs
            // and writes the reply from their results only.
            reply = await runEmbedded(offered: agentTools(), steps: 4) ?? ""
            if reply.isEmpty { reply = EmbeddedChatModel.groundedReply(plan: plan, messages: messages) }
        }

        let cards = Cards.from(outcomes)
        let actions = Cards.actions(intent: decision.intent, outcomes: outcomes, language: language, store: store)
        // What was not streamed yet goes out now; a reply replaced after part of the model's went
        // out is in the `done` event only.
        if let streamed, !streamed.sent.isEmpty {
            for chunk in Self.chunks(streamed.rest(of: reply) ?? "") { emit(.delta(chunk)) }
        } else {
            for chunk in Self.chunks(reply) { emit(.delta(chunk)) }
        }
        for card in cards { emit(.card(card)) }

        Cards.remember(outcomes, into: &profile)
        profile.lastIntent = decision.intent
        profile.history = Array((profile.history + [decision.intent.rawValue]).suffix(20))
        let status = decision.intent == .humanHandoff && input.scope == .customer ? "waiting_staff" : nil
        let totalMs = Date().timeIntervalSince(started) * 1000
        let turn = TurnRecord(id: turnID, intent: decision.intent.rawValue, agent: agent.id, confidence: decision.confidence,
                              slots: (try? JSONValue(encoding: decision.slots)) ?? [:], backend: backendUsed, fallback: fallback,
                              llmCalls: llmCalls, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens,
                              llmMs: Int(llmMs), totalMs: Int(totalMs),
                              timings: ["route_ms": .number(routeMs), "llm_ms": .number(llmMs), "total_ms": .number(totalMs),
                                        "tools_ms": .number(outcomes.reduce(0) { $0 + $1.durationMs })],
                              guardrail: guardrail)
        let assistant = StoredMessage(turnID: turnID, role: "assistant", agent: agent.id, text: reply,
                                      cards: .array(cards), actions: .array(actions))
        let saved = savedUser + (try await conversations.append(conv.id, messages: [assistant], turn: turn, profile: profile.json,
                                                                summary: profile.summary, status: status))
        TurnMetrics.record(intent: decision.intent, agent: agent.id, backend: backendUsed, fallback: fallback, seconds: totalMs / 1000)
        return TurnResult(turnID: turnID, intent: decision.intent, agent: agent.id, messages: saved.map(\.json),
                          toolCalls: outcomes, backend: backendUsed, fallback: fallback, llmCalls: llmCalls,
                          usage: (usage.promptTokens, usage.completionTokens), guardrail: guardrail,
                          status: status ?? conv.status)
    }

    /// Refuses (and audits) a model's tool calls that name tools not offered or fail their schema.
    func refuseInvalid(_ response: ChatResponse, offered: [ToolSpec], caller: ToolCaller) async -> [ToolOutcome]? {
        let names = Set(offered.map(\.name))
        var refused: [ToolOutcome] = []
        for call in response.toolCalls {
            if call.name.hasPrefix("transfer_to_") && names.contains(call.name) { continue }
            let problem: String?
            if !names.contains(call.name) {
                problem = "unknown tool '\(call.name)'"
            } else if let args = JSONValue.parse(call.arguments), let spec = offered.first(where: { $0.name == call.name }) {
                var a = args.objectValue ?? [:]
                if let fixed = caller.fixedStore, spec.parameters["properties"]?["store_id"] != nil { a["store_id"] = .string(fixed.rawValue) }
                let errors = JSONSchemaValidator.validate(.object(a), against: spec.parameters)
                problem = errors.isEmpty ? nil : errors.joined(separator: "; ")
            } else {
                problem = "arguments are not a JSON object"
            }
            if let problem {
                let outcome = ToolOutcome(name: call.name, arguments: JSONValue.parse(call.arguments) ?? .string(String(call.arguments.prefix(500))),
                                          result: nil, error: ShowroomError("refused_tool_call", problem), durationMs: 0)
                try? await AuditRepository(db: db).recordToolCall(
                    conversationID: caller.conversationID, turnID: caller.turnID, storeID: caller.fixedStore?.rawValue,
                    caller: caller.label + ":refused", tool: call.name, arguments: outcome.arguments.jsonString(), result: nil,
                    ok: false, errorCode: "refused_tool_call", durationMs: 0)
                refused.append(outcome)
            }
        }
        if response.content == nil && response.toolCalls.isEmpty {
            return [ToolOutcome(name: "(reply)", arguments: [:], result: nil, error: ShowroomError("empty_reply", "empty model reply"), durationMs: 0)]
        }
        return refused.isEmpty ? nil : refused
    }

    static func language(of text: String, fallback: Language) -> Language {
        if text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }) { return .zh }
        if text.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) && $0.isASCII }) { return .en }
        return fallback
    }

    /// What a model is told when the customer submitted the test-drive form instead of typing.
    static func describe(_ form: BookingForm?) -> String {
        guard let form else { return "" }
        let parts = [form.stockNumber.map { "vehicle \($0)" }, "time \(form.start)", "name \(form.name)"].compactMap { $0 }
        return "(I submitted the test drive form: \(parts.joined(separator: ", ")).)"
    }

    static func absorbContact(_ text: String, into p: inout ConversationProfile, booking: BookingForm?) {
        if let b = booking {
            p.name = b.name
            p.phone = b.phone
            p.consent = b.consent
            if let s = b.stockNumber { p.focusStock = s }
            return
        }
        if let v = TextFacts.phone(text) { p.phone = v }
        if let v = TextFacts.email(text) { p.email = v }
        if let v = TextFacts.name(text) { p.name = v }
        if TextFacts.consent(text) { p.consent = true }
    }

    /// A reply the model was cut off in (`finish_reason: length`, it reached `max_tokens`) ends at
    /// its last whole sentence; one with no sentence end is kept as written.
    static func wholeSentences(of text: String?) -> String? {
        guard let text, let end = GuardedStream.lastSentenceEnd(in: text) else { return text }
        return String(text[..<end])  // untrimmed: the streamed deltas add up to it exactly
    }

    /// Splits a reply into streamable chunks on character boundaries.
    static func chunks(_ text: String, size: Int = 24) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if current.count >= size { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
