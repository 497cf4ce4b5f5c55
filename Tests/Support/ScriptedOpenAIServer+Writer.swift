import ShowroomAgents
import ShowroomCore

extension ScriptedOpenAIServer.Reply {
    /// What a well-behaved model answers, for scenario tests over the openai backend: when the
    /// request carries tool results for the latest customer message, a reply written only from
    /// them (vehicles with stock numbers and prices, specs, quote totals, payments, trade-in
    /// ranges, appointments) in the language the system prompt asks for; without results, a
    /// short greeting. Usage is reported (prompt tokens ≈ request characters ÷ 4).
    public static func written(for request: ScriptedOpenAIServer.ReceivedRequest) -> Self {
        let messages = request.messages
        let chinese = messages.first?["content"]?.stringValue?.contains("Simplified Chinese") ?? false
        let results = toolResults(in: request)
        var facts = results.flatMap { Facts(chinese: chinese).of($0) }
        if facts.isEmpty { facts = [chinese ? "您好，请问想看什么样的车？" : "Hello! What kind of car are you looking for?"] }
        let text = facts.joined(separator: chinese ? "；" : "; ")
        return .text(text).usage(prompt: max(1, request.body.jsonString().count / 4), completion: max(1, text.count / 3))
    }

    /// The turn's tool results a model was given: `tool` messages after the last user message,
    /// and the `name: json` lines after `Runner.toolResultsHeading` in the system prompt.
    public static func toolResults(in request: ScriptedOpenAIServer.ReceivedRequest) -> [JSONValue] {
        let messages = request.messages
        let lastUser = messages.lastIndex { $0["role"] == "user" } ?? 0
        let system = messages.first { $0["role"] == "system" }?["content"]?.stringValue ?? ""
        return promptResults(system) + messages.suffix(from: lastUser).filter { $0["role"] == "tool" }
            .compactMap { JSONValue.parse($0["content"]?.stringValue ?? "") }
    }

    /// The `name: json` results after `Runner.toolResultsHeading` in a system prompt.
    public static func promptResults(_ system: String) -> [JSONValue] {
        guard let heading = system.range(of: Runner.toolResultsHeading) else { return [] }
        return system[heading.upperBound...].split(separator: "\n").compactMap { line in
            line.firstIndex(of: ":").flatMap { JSONValue.parse(String(line[line.index(after: $0)...])) }
        }
    }

    /// Facts of one tool result, as a model would restate them.
    struct Facts {
        let chinese: Bool

        func money(_ v: JSONValue?, _ fallback: String?) -> String? {
            if let amount = v?["amount"]?.doubleValue, let c = Currency(rawValue: v?["currency"]?.stringValue ?? fallback ?? "") {
                return Money(amount: amount, currency: c)?.formatted
            }
            if let amount = v?.doubleValue, let c = Currency(rawValue: fallback ?? "") { return Money(amount: amount, currency: c)?.formatted }
            return nil
        }

        func name(_ v: JSONValue) -> String {
            [v["make"], v["model"], v["trim"]].compactMap { $0?.stringValue }.joined(separator: " ")
        }

        func vehicle(_ v: JSONValue) -> String {
            [v["stock_number"]?.stringValue, name(v), money(v["price"], nil)].compactMap { $0 }.joined(separator: " ")
        }

        func spec(_ v: JSONValue, _ currency: String?) -> String {
            var parts = [name(v)]
            if let r = v["range_km"]?.intValue { parts.append(chinese ? "续航\(r)公里" : "range \(r) km") }
            if let p = money(v["msrp"], currency) { parts.append(p) }
            return parts.joined(separator: " ")
        }

        func of(_ r: JSONValue) -> [String] {
            let currency = r["currency"]?.stringValue
            var out: [String] = []
            if let vehicle = r["vehicle"] { out.append(self.vehicle(vehicle)) }
            if let specs = r["specs"] { out.append(spec(specs, currency)) }
            out += (r["trims"]?.arrayValue ?? []).prefix(3).map { spec($0, currency) }
            out += (r["columns"]?.arrayValue ?? []).map { spec($0, currency) }
            out += (r["vehicles"]?.arrayValue ?? []).map(vehicle)
            out += (r["picks"]?.arrayValue ?? []).compactMap { $0["vehicle"] }.map(vehicle)
            // A quote's total is money; a search's "total" is a count.
            if let total = money(r["total"], nil) { out.append((chinese ? "落地价约" : "out-the-door about ") + total) }
            if let monthly = money(r["monthly_payment"], currency), let term = r["term_months"]?.intValue {
                out.append(chinese ? "\(term)期，月供\(monthly)" : "\(monthly) a month for \(term) months")
            }
            if let low = money(r["low"], currency), let high = money(r["high"], currency) {
                out.append(chinese ? "估价\(low)–\(high)，以实车检测为准" : "worth \(low)–\(high), pending inspection")
            }
            if r["appointment_id"] != nil, let start = r["start"]?.stringValue {
                out.append(chinese ? "已为您预约试驾：\(start)" : "your test drive is booked for \(start)")
            }
            return out
        }
    }
}
