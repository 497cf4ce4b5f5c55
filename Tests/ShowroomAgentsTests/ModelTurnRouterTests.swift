import Foundation
import ShowroomCore
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

@Suite struct ModelTurnRouterTests {
    struct FixedRouter: TurnRouter {
        let decision: RouteDecision
        func route(_ text: String) async -> RouteDecision { decision }
        func route(_ text: String, context: RouteContext) async -> RouteDecision { decision }
        func mentions(_ text: String) async -> [String] { [] }
    }

    actor Counter { var n = 0; func hit() { n += 1 } }

    func router(confidence: Double, intent: Intent = .greeting, answer: String, counter: Counter) -> ModelTurnRouter {
        var slots = Slots()
        slots.bodyType = .suv
        let model = ScriptedChatModel { _ in
            Task { await counter.hit() }
            return ScriptedChatModel.text(answer)
        }
        return ModelTurnRouter(base: FixedRouter(decision: RouteDecision(intent: intent, confidence: confidence, slots: slots)), model: model)
    }

    @Test func onlyUnclearTurnsAskTheModelAndSlotsStayFromCode() async {
        let c = Counter()
        let unclear = await router(confidence: 0.3, answer: #"{"intent": "dealer_info"}"#, counter: c).route("hmm so what about that")
        #expect(unclear.intent == .dealerInfo && unclear.slots.bodyType == .suv)
        let clear = await router(confidence: 0.9, intent: .vehicleSearch, answer: #"{"intent": "greeting"}"#, counter: c).route("SUVs under 30k")
        #expect(clear.intent == .vehicleSearch)
    }

    @Test func anAnswerOutsideTheListKeepsTheEmbeddedDecision() async {
        let c = Counter()
        for answer in ["sure!", #"{"intent": "give_discount"}"#, ""] {
            let d = await router(confidence: 0.3, answer: answer, counter: c).route("???")
            #expect(d.intent == .greeting)
        }
    }
}
