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
                            // The reply's text leaves to its cards what they show: print them whole.
                            for card in result.messages.last?["cards"]?.arrayValue ?? [] {
                                for line in Self.lines(of: card) { print("  " + line) }
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

    /// A card as the widget shows it: a vehicle with its price and facts, a quote with every line,
    /// the total and the disclaimer.
    static func lines(of card: JSONValue) -> [String] {
        func money(_ v: JSONValue?) -> String {
            guard let a = v?["amount"]?.doubleValue, let c = Currency(rawValue: v?["currency"]?.stringValue ?? "") else { return "" }
            return Money(amount: a, currency: c)?.formatted ?? ""
        }
        switch card["type"]?.stringValue {
        case "vehicle":
            var facts = [money(card["price"])]
            if let r = card["range_km"]?.intValue { facts.append("\(r) km range") }
            if let m = card["mileage_km"]?.intValue, card["condition"]?.stringValue != "new" { facts.append("\(m) km") }
            let name = [card["year"]?.intValue.map(String.init), card["make"]?.stringValue, card["model"]?.stringValue, card["trim"]?.stringValue]
                .compactMap { $0 }.joined(separator: " ")
            return ["• \(card["stock_number"]?.stringValue ?? "") \(name) — " + facts.filter { !$0.isEmpty }.joined(separator: ", ")]
        case "quote":
            let currency = card["total"]?["currency"]
            var out = ["[quote\(card["stock_number"]?.stringValue.map { " " + $0 } ?? "")]"]
            for l in card["lines"]?.arrayValue ?? [] {
                out.append("  \(l["label"]?.stringValue ?? ""): \(money(.object(["amount": l["amount"] ?? .null, "currency": currency ?? .null])))")
            }
            out.append("  Total: \(money(card["total"]))")
            if let d = card["disclaimer"]?.stringValue, !d.isEmpty { out.append("  " + d) }
            return out
        default:
            return []
        }
    }
}
