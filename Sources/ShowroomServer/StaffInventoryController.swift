import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomData

/// `/v1/staff/inventory`: list (every status, filters, paging), add, read, edit and remove units.
/// Reading needs sales, writing manager; floor price and cost are shown to managers and admins only.
struct StaffInventoryController {
    let app: AppServices
    var guardian: StaffGuard { StaffGuard(app: app) }
    typealias Catalog = OpenAPICatalog

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Catalog.inventoryList.routePath), use: list)
        router.post(RouterPath(Catalog.inventoryCreate.routePath), use: create)
        router.get(RouterPath(Catalog.unitGet.routePath), use: get)
        router.patch(RouterPath(Catalog.unitPatch.routePath), use: patch)
        router.delete(RouterPath(Catalog.unitDelete.routePath), use: delete)
    }

    var repo: InventoryRepository { InventoryRepository(db: app.db) }

    @Sendable func list(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.inventoryList
        let key = try await guardian.key(req, op)
        let q = try op.query(req)
        var query = InventoryRepository.StaffQuery(stores: try await guardian.stores(key, named: q["store_id"]?.stringValue, action: op.id))
        query.status = q["status"]?.stringValue.flatMap(UnitStatus.init(rawValue:))
        query.make = q["make"]?.stringValue
        query.model = q["model"]?.stringValue
        query.condition = q["condition"]?.stringValue.flatMap(VehicleCondition.init(rawValue:))
        query.priceMin = q["price_min"]?.doubleValue
        query.priceMax = q["price_max"]?.doubleValue
        let limit = q["limit"]?.intValue ?? 50, offset = q["offset"]?.intValue ?? 0
        let (total, units) = try await repo.staffList(query, limit: limit, offset: offset)
        return APIResponse.json([
            "total": .number(Double(total)), "limit": .number(Double(limit)), "offset": .number(Double(offset)),
            "units": .array(units.map { Self.json($0, role: key.role) }),
        ])
    }

    @Sendable func create(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.inventoryCreate
        let key = try await guardian.key(req, op)
        let b = try await op.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        let store = try await guardian.store(key, b["store_id"]?.stringValue ?? "", action: op.id)
        // The feed importer's VIN rule: the check digit binds VINs made in North America.
        let vin = VIN.check((b["vin"]?.stringValue ?? "").uppercased())
        if case .invalid(let problem) = vin { throw problem }
        var input = InventoryRepository.UnitInput(
            store: store.id, stockNumber: b["stock_number"]?.stringValue ?? "", vin: vin.vin?.rawValue ?? "",
            make: b["make"]?.stringValue ?? "", model: b["model"]?.stringValue ?? "", year: b["year"]?.intValue ?? 0,
            condition: b["condition"]?.stringValue.flatMap(VehicleCondition.init(rawValue:)) ?? .new,
            listPrice: Self.decimal(b["list_price"]) ?? 0)
        input.msrp = Self.decimal(b["msrp"])
        input.floorPrice = Self.decimal(b["floor_price"])
        input.cost = Self.decimal(b["cost"])
        input.status = b["status"]?.stringValue.flatMap(UnitStatus.init(rawValue:)) ?? .available
        input.mileageKm = b["mileage_km"]?.intValue ?? 0
        input.exteriorColor = b["exterior_color"]?.stringValue
        input.interiorColor = b["interior_color"]?.stringValue
        input.trim = b["trim"]?.stringValue ?? ""
        input.rangeKm = b["range_km"]?.intValue
        input.dateInStock = b["date_in_stock"]?.stringValue
        input.bodyType = b["body_type"]?.stringValue.flatMap(BodyType.init(rawValue:))
        input.powertrain = b["powertrain"]?.stringValue.flatMap(Powertrain.init(rawValue:))
        input.drivetrain = b["drivetrain"]?.stringValue.flatMap(Drivetrain.init(rawValue:))
        input.seats = b["seats"]?.intValue
        let unit = try await repo.create(input)
        await guardian.auth.audit(key, action: op.id, target: "\(store.id.rawValue)/\(unit.vehicle.stockNumber)")
        return APIResponse.json(Self.json(unit, role: key.role), status: .created)
    }

    @Sendable func get(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.unitGet
        let key = try await guardian.key(req, op)
        let (store, stock) = try await locate(req, ctx, op, key)
        guard let unit = try await repo.staffUnit(store: store, stockNumber: stock) else { throw Self.unitNotFound(stock) }
        return APIResponse.json(Self.json(unit, role: key.role))
    }

    @Sendable func patch(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.unitPatch
        let key = try await guardian.key(req, op)
        let (store, stock) = try await locate(req, ctx, op, key)
        let b = try await op.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        var p = InventoryRepository.UnitPatch()
        p.listPrice = Self.decimal(b["list_price"])
        p.msrp = Self.decimal(b["msrp"])
        p.floorPrice = Self.decimal(b["floor_price"])
        p.cost = Self.decimal(b["cost"])
        p.status = b["status"]?.stringValue.flatMap(UnitStatus.init(rawValue:))
        p.mileageKm = b["mileage_km"]?.intValue
        p.exteriorColor = b["exterior_color"]?.stringValue
        p.interiorColor = b["interior_color"]?.stringValue
        p.trim = b["trim"]?.stringValue
        p.rangeKm = b["range_km"]?.intValue
        p.dateInStock = b["date_in_stock"]?.stringValue
        guard let unit = try await repo.update(store: store, stockNumber: stock, p) else { throw Self.unitNotFound(stock) }
        await guardian.auth.audit(key, action: op.id, target: "\(store.rawValue)/\(unit.vehicle.stockNumber)",
                                  detail: .array(b.keys.sorted().map { .string($0) }))
        return APIResponse.json(Self.json(unit, role: key.role))
    }

    @Sendable func delete(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.unitDelete
        let key = try await guardian.key(req, op)
        let (store, stock) = try await locate(req, ctx, op, key)
        guard try await repo.delete(store: store, stockNumber: stock) else { throw Self.unitNotFound(stock) }
        await guardian.auth.audit(key, action: op.id, target: "\(store.rawValue)/\(stock)")
        return Response(status: .noContent)
    }

    /// The unit's store and stock number: `store_id` when given (checked against the key), else
    /// the one store in the key's scope holding that stock number (409 several). A unit only
    /// other stores hold is refused like their leads and conversations (403 `forbidden_store`,
    /// audited); a stock number no store holds is 404.
    func locate(_ req: Request, _ ctx: AppRequestContext, _ op: OpenAPIOperation, _ key: StaffKey) async throws -> (StoreID, String) {
        let stock = try op.pathValue("stock_number", ctx).stringValue ?? ""
        let q = try op.query(req)
        if let named = q["store_id"]?.stringValue {
            return (try await guardian.store(key, named, action: op.id).id, stock)
        }
        let everywhere = try await repo.stores(withStockNumber: stock, in: nil)
        let holders = everywhere.filter(key.allows)
        switch holders.count {
        case 0:
            if let other = everywhere.first { try await guardian.allow(key, other, action: op.id) }
            throw Self.unitNotFound(stock)
        case 1: return (holders[0], stock)
        default:
            throw ShowroomError("ambiguous_stock_number",
                                "Stock number '\(stock)' exists in \(holders.map(\.rawValue).joined(separator: ", ")); pass store_id.",
                                status: 409)
        }
    }

    static func unitNotFound(_ stock: String) -> ShowroomError {
        ShowroomError("unit_not_found", "No unit with stock number '\(stock)'.", status: 404)
    }

    /// A JSON number as a decimal with the digits written (so 0.1 stays 0.1).
    static func decimal(_ v: JSONValue?) -> Decimal? {
        v?.doubleValue.flatMap { Decimal(string: String($0)) }
    }

    /// The `Unit` schema; floor price and cost only for managers and admins.
    static func json(_ u: InventoryRepository.StaffUnit, role: StaffRole) -> JSONValue {
        let v = u.vehicle
        let f = ISO8601DateFormatter()
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func opt(_ i: Int?) -> JSONValue { i.map { .number(Double($0)) } ?? .null }
        var o: [String: JSONValue] = [
            "store_id": .string(v.storeID.rawValue), "stock_number": .string(v.stockNumber), "vin": .string(v.vin),
            "year": .number(Double(v.year)), "make": .string(v.make), "model": .string(v.model), "make_zh": opt(v.makeZh),
            "model_zh": opt(v.modelZh), "trim": .string(v.trim), "condition": .string(v.condition.rawValue),
            "status": .string(v.status.rawValue), "body_type": opt(v.bodyType?.rawValue), "powertrain": opt(v.powertrain?.rawValue),
            "drivetrain": opt(v.drivetrain?.rawValue), "seats": opt(v.seats), "range_km": opt(v.rangeKm),
            "mileage_km": .number(Double(v.mileageKm)), "exterior_color": opt(v.exteriorColor),
            "interior_color": opt(v.interiorColor), "list_price": v.price.json, "msrp": v.msrp?.json ?? .null,
            "date_in_stock": opt(v.dateInStock), "created_at": .string(f.string(from: u.createdAt)),
            "updated_at": .string(f.string(from: u.updatedAt)),
        ]
        if role >= .manager {
            o["floor_price"] = u.floorPrice?.json ?? .null
            o["cost"] = u.cost?.json ?? .null
        }
        return .object(o)
    }
}
