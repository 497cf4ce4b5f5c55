import ArgumentParser
import Foundation
import Logging
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomServer

struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat", abstract: "Chat with the assistant in the terminal, showing which agent answered and which tools ran.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "Store id, e.g. sh-pudong or sf-bay.") var store: String = "sh-pudong"
    @Option(help: "Locale of the conversation (zh-CN, en-US).") var locale: String?
    @Flag(help: "Run with staff scope (adds staff-only tools such as floor_price).") var staff = false

    func run() async throws {
        let storeID = StoreID(store), locale = self.locale, staff = self.staff
        try await options.withDatabase { config, db in
            let logger = Logger(label: "showroom.chat")
            let router = try await CatalogTurnRouter.load(db: db)
            let services = try ShowroomApp.services(config: config, db: db, router: router,
                                                    models: try Backends.models(config.backends, logger: logger), logger: logger)
            let s = try await StoreRepository(db: db).require(storeID)
            let id = try await ConversationRepository(db: db).create(store: storeID, channel: "cli", locale: locale ?? s.locale, vehicleContext: nil)
            print("Showroom chat — \(s.name) (\(storeID.rawValue)). Empty line or Ctrl-D to quit.")
            while true {
                print("> ", terminator: "")
                guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
                do {
                    for try await event in services.runner.stream(TurnInput(conversationID: id, text: line, scope: staff ? .staff : .customer,
                                                                             callerLabel: "cli", allowedStores: [storeID])) {
                        switch event {
                        case .route(let intent, let agent): print("  [route] \(intent.rawValue) → \(agent)")
                        case .tool(let name, let status) where status != "started": print("  [tool] \(name): \(status)")
                        case .done(let result):
                            if let m = result.messages.last { print("\(result.agent): \(m["text"]?.stringValue ?? "")") }
                            for card in result.messages.last?["cards"]?.arrayValue ?? [] where card["type"] == "vehicle" {
                                print("  • \(card["stock_number"]?.stringValue ?? "") \(card["year"]?.intValue ?? 0) \(card["make"]?.stringValue ?? "") \(card["model"]?.stringValue ?? "") \(card["trim"]?.stringValue ?? "")")
                            }
                            print("  [\(result.backend)\(result.fallback ? ", fallback" : ""), llm calls \(result.llmCalls)\(result.guardrail.map { ", guardrail: \($0)" } ?? "")]")
                        default: break
                        }
                    }
                } catch let e as ShowroomError {
                    print("  [error] \(e.code): \(e.message)")
                }
            }
        }
    }
}
