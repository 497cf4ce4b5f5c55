import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomData

/// `showroom retention`: anonymizes or deletes old conversations and leads per store policy.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Anonymize or delete conversations and leads older than the retention period, per store policy.",
        discussion: """
            Each store's settings say what happens: lead_retention (anonymize, the default, or delete) and \
            retention_days (default 180). --older-than overrides retention_days for every store. Age is \
            the time since the conversation or lead was last active. Each store is handled in one transaction; \
            --dry-run reports the same counts and changes nothing.
            """)

    @OptionGroup var options: GlobalOptions
    @Option(name: .customLong("older-than"), help: "Retention period: 180d, 26w, 6m or 1y (overrides stores' retention_days).")
    var olderThan: String?
    @Option(name: .customLong("store"), help: "Only this store id.") var store: String?
    @Flag(name: .customLong("dry-run"), help: "Report what would change and change nothing.") var dryRun = false
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        let period: RetentionPeriod?
        do { period = try olderThan.map { try RetentionPeriod(parsing: $0) } } catch let e as ShowroomError { fail(e, code: 2) }
        let store = self.store.map { StoreID($0) }, dryRun = self.dryRun
        let reports: [RetentionReport]
        do {
            reports = try await options.withDatabase { _, db in
                try await RetentionRepository(db: db).run(olderThan: period, store: store, dryRun: dryRun)
            }
        } catch let e as ShowroomError { fail(e) }
        print(json ? Self.json(reports) : Self.table(reports))
    }

    static func json(_ reports: [RetentionReport]) -> String {
        let f = ISO8601DateFormatter()
        let stores: [JSONValue] = reports.map { r in
            ["store_id": .string(r.storeID.rawValue), "action": .string(r.action.rawValue), "period": .string(r.period.description),
             "cutoff": .string(f.string(from: r.cutoff)), "conversations": .number(Double(r.conversations)),
             "messages": .number(Double(r.messages)), "tool_calls": .number(Double(r.toolCalls)),
             "leads": .number(Double(r.leads)), "appointments": .number(Double(r.appointments))]
        }
        return JSONValue.object(["dry_run": .bool(reports.first?.dryRun ?? false), "stores": .array(stores)]).jsonString()
    }

    static func table(_ reports: [RetentionReport]) -> String {
        let f = ISO8601DateFormatter()
        let header = ["store", "action", "period", "cutoff", "conversations", "messages", "tool_calls", "leads", "appointments"]
        let rows = reports.map { r in
            [r.storeID.rawValue, r.action.rawValue, r.period.description, f.string(from: r.cutoff), "\(r.conversations)",
             "\(r.messages)", "\(r.toolCalls)", "\(r.leads)", "\(r.appointments)"]
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        let lines = ([header] + rows).map { cells in
            cells.enumerated().map { i, c in c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let verb = reports.first?.dryRun == true ? "Dry run: nothing was changed." : "Done."
        return (lines + [reports.isEmpty ? "No stores." : verb]).joined(separator: "\n")
    }
}
