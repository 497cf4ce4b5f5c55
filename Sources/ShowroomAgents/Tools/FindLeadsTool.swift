import Foundation
import ShowroomCore
import ShowroomData

/// `find_leads` (staff only): leads of a store by text, status and date.
struct FindLeadsTool: Tool {
    let name = "find_leads"
    let description = "Staff only: find leads of a store by name/phone/email/stock text, status and creation date."
    let scope = ToolScope.staff
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "query": Schema.string("Text to look for"),
        "status": Schema.string("Lead status", enum: ["new", "contacted", "qualified", "won", "lost"]),
        "since": Schema.string("Created on or after (YYYY-MM-DD or ISO 8601)", maxLength: 40),
        "limit": Schema.integer("At most this many", min: 1, max: 200),
    ], required: ["store_id"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        var since: Date?
        if let s = args.string("since") {
            since = BookTestDriveTool.parseDate(s) ?? (try? LocalDate(s)).flatMap { d in
                var c = Calendar(identifier: .gregorian)
                c.timeZone = store.timeZone
                return c.date(from: DateComponents(year: d.year, month: d.month, day: d.day))
            }
            guard since != nil else { throw ShowroomError.invalid("since must be YYYY-MM-DD or ISO 8601") }
        }
        let leads = try await LeadRepository(db: ctx.db).find(stores: [store.id.rawValue], query: args.string("query"),
                                                               status: args.string("status"), since: since, limit: args.int("limit") ?? 50)
        return ["leads": .array(leads.map(\.json)), "count": .number(Double(leads.count))]
    }
}
