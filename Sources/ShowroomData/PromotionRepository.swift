import Foundation
import PostgresNIO
import ShowroomCore

/// A store's active promotions, the only source of discounts.
public struct PromotionRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    public func active(store: StoreID) async throws -> [Promotion] {
        try await db.rows("""
            SELECT code, title, coalesce(title_zh, title), kind, value::text, make, model, powertrain, condition, automatic,
                   starts_on::text, ends_on::text
            FROM promotions WHERE store_id = \(store.rawValue) AND active ORDER BY code
            """).map { row in
            let (code, title, titleZh, kind, value, make, model, powertrain, condition, automatic, starts, ends) =
                try row.decode((String, String, String, String, String, String?, String?, String?, String?, Bool, String?, String?).self)
            return Promotion(code: code, title: title, titleZh: titleZh, kind: Promotion.Kind(rawValue: kind) ?? .amount,
                             value: Decimal(string: value) ?? 0, make: make, model: model,
                             powertrain: powertrain.flatMap(Powertrain.init(rawValue:)),
                             condition: condition.flatMap(VehicleCondition.init(rawValue:)), automatic: automatic,
                             startsOn: try starts.map { try LocalDate($0) }, endsOn: try ends.map { try LocalDate($0) })
        }
    }
}
