import Foundation
import Hummingbird
import ShowroomCore
import ShowroomData

/// `/v1/staff/leads`: leads of the key's stores by day range and status, as JSON pages or a
/// CSV export, and single leads (sales and up).
struct StaffLeadsController {
    let app: AppServices
    var guardian: StaffGuard { StaffGuard(app: app) }
    typealias Catalog = OpenAPICatalog

    /// Most leads one CSV export holds.
    static let csvLimit = 10_000

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Catalog.leadList.routePath), use: list)
        router.get(RouterPath(Catalog.leadGet.routePath), use: get)
        router.get(RouterPath(Catalog.leadADF.routePath), use: adf)
    }

    @Sendable func list(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.leadList
        let key = try await guardian.key(req, op)
        let q = try op.query(req)
        let filter = LeadRepository.Filter(
            stores: try await guardian.stores(key, named: q["store_id"]?.stringValue, action: op.id),
            days: try DayRange(from: q["from"]?.stringValue, to: q["to"]?.stringValue), status: q["status"]?.stringValue)
        let repo = LeadRepository(db: app.db)
        if q["format"]?.stringValue == "csv" {
            let (_, leads) = try await repo.list(filter, limit: Self.csvLimit, offset: 0)
            await guardian.auth.audit(key, action: "exportLeads", target: q["store_id"]?.stringValue,
                                      detail: ["rows": .number(Double(leads.count))])
            var response = APIResponse.text(Self.csv(leads), contentType: "text/csv; charset=utf-8")
            // A browser saves the export as a file named after the stores and the days it covers.
            response.headers[.contentDisposition] = "attachment; filename=\"\(Self.exportName(q))\""
            return response
        }
        let limit = q["limit"]?.intValue ?? 50, offset = q["offset"]?.intValue ?? 0
        let (total, leads) = try await repo.list(filter, limit: limit, offset: offset)
        return APIResponse.json([
            "total": .number(Double(total)), "limit": .number(Double(limit)), "offset": .number(Double(offset)),
            "leads": .array(leads.map(\.json)),
        ])
    }

    @Sendable func get(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let lead = try await Self.lead(req, ctx, Catalog.leadGet, app: app)
        return APIResponse.json(lead.json)
    }

    @Sendable func adf(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let lead = try await Self.lead(req, ctx, Catalog.leadADF, app: app)
        return APIResponse.text(try await lead.adf(db: app.db), contentType: "application/xml; charset=utf-8")
    }

    /// The lead named by the path, after the key's role and store checks.
    static func lead(_ req: Request, _ ctx: AppRequestContext, _ op: OpenAPIOperation, app: AppServices) async throws -> Lead {
        let guardian = StaffGuard(app: app)
        let key = try await guardian.key(req, op)
        guard let id = try op.pathValue("lead_id", ctx).stringValue.flatMap(UUID.init(uuidString:)),
              let lead = try await LeadRepository(db: app.db).get(id) else {
            throw ShowroomError("lead_not_found", "No such lead.", status: 404)
        }
        try await guardian.allow(key, lead.storeID, action: op.id)
        return lead
    }

    /// `leads-sh-pudong-2026-05-01-to-2026-05-31.csv` (ASCII only: store ids and ISO days are).
    static func exportName(_ q: [String: JSONValue]) -> String {
        let parts = ["leads", q["store_id"]?.stringValue ?? "all-stores", q["from"]?.stringValue.map { "from-\($0)" },
                     q["to"]?.stringValue.map { "to-\($0)" }]
        return parts.compactMap { $0 }.joined(separator: "-") + ".csv"
    }

    static let csvColumns = ["id", "store_id", "created_at", "status", "interest", "name", "phone", "email",
                             "stock_number", "vin", "vehicle", "conversation_id", "note"]

    /// RFC 4180 CSV with a header row. Cells that a spreadsheet would run as a formula (starting
    /// with = @ tab CR, or + - before anything but a phone number) get a leading apostrophe.
    static func csv(_ leads: [Lead]) -> String {
        let f = ISO8601DateFormatter()
        var lines = [csvColumns.joined(separator: ",")]
        for l in leads {
            let v = l.vehicle
            let vehicle = [v?["year"].flatMap { $0.intValue.map(String.init) }, v?["make"]?.stringValue, v?["model"]?.stringValue,
                           v?["trim"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            let cells = [l.id.uuidString.lowercased(), l.storeID.rawValue, f.string(from: l.createdAt), l.status, l.interest, l.name,
                         l.phone ?? "", l.email ?? "", l.stockNumber ?? "", l.vin ?? "", vehicle,
                         l.conversationID?.uuidString.lowercased() ?? "", l.note ?? ""]
            lines.append(cells.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ s: String) -> String {
        var s = s
        if let first = s.first, "=@\t\r".contains(first)
            || ("+-".contains(first) && s.dropFirst().contains(where: { !"0123456789 ()-".contains($0) })) {
            s = "'" + s
        }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
