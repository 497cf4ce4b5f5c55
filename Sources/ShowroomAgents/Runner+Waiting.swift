import Foundation
import ShowroomCore
import ShowroomData

extension Runner {
    /// A customer turn while the conversation waits for staff, staff have it, or the assistant is
    /// silent (switched off, or quiet hours in the store's time zone). No agent answers: the
    /// conversation is marked `waiting_staff` (unless staff already have it), a lead is captured
    /// once the customer has given what `create_lead` needs (name, phone or email, consent), and
    /// the notice says when staff will answer, in the customer's language.
    func waitForStaff(_ w: Waiting, emit: @Sendable (TurnEvent) -> Void) async throws -> TurnResult {
        var profile = w.profile
        var outcomes: [ToolOutcome] = []
        var captured: String?
        if profile.leadID == nil, let name = profile.name, profile.phone != nil || profile.email != nil, profile.consent == true {
            let caller = ToolCaller(db: db, scope: .customer, label: "\(w.input.callerLabel):concierge", fixedStore: w.store.id,
                                    conversationID: w.conversation.id, turnID: w.turnID, language: w.language,
                                    intent: .humanHandoff, now: now)
            var args: [String: JSONValue] = ["store_id": .string(w.store.id.rawValue), "name": .string(name), "consent": true,
                                             "note": .string(String(w.text.prefix(300)))]
            if let p = profile.phone { args["phone"] = .string(p) }
            if let e = profile.email { args["email"] = .string(e) }
            if let s = profile.focusStock { args["stock_number"] = .string(s) }
            var outcome = await registry.call(name: "create_lead", arguments: .object(args), caller: caller)
            if outcome.error?.code == "unknown_vehicle" {
                // The unit of the page may be gone; the customer still reaches staff.
                args["stock_number"] = nil
                outcome = await registry.call(name: "create_lead", arguments: .object(args), caller: caller)
            }
            outcomes.append(outcome)
            if let id = outcome.result?["lead_id"]?.stringValue {
                profile.leadID = id
                captured = name
            }
        }
        let notice = StaffNotice.text(language: w.language, store: w.store, status: w.status, now: now(), captured: captured)
        let reply = StoredMessage(turnID: w.turnID, role: "assistant", agent: "concierge", text: notice,
                                  actions: .array(StaffNotice.actions(language: w.language, store: w.store)))
        let status = w.conversation.status == "active" ? "waiting_staff" : w.conversation.status
        let saved = w.savedUser + (try await ConversationRepository(db: db).append(
            w.conversation.id, messages: [reply], profile: profile.json,
            status: status == w.conversation.status ? nil : status))
        emit(.delta(notice))
        return TurnResult(turnID: w.turnID, intent: w.intent, agent: "concierge", messages: saved.map(\.json),
                          toolCalls: outcomes, backend: "none", fallback: false, llmCalls: 0, usage: (0, 0), guardrail: nil,
                          status: status)
    }

    /// What `waitForStaff` needs of the turn the runner started.
    struct Waiting {
        var input: TurnInput
        var conversation: ConversationState
        var store: Store
        var status: AssistantSchedule.Status
        var profile: ConversationProfile
        var language: Language
        var text: String
        var intent: Intent
        /// The customer's message, already stored when the turn started.
        var savedUser: [StoredMessage]
        var turnID: UUID
    }
}
