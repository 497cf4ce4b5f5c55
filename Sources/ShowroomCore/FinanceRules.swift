import Foundation

/// Input limits shared by the loan and lease calculators, with the `invalid_arguments` messages.
enum FinanceRules {
    static let terms = 12...84
    static let maxAprPct: Decimal = 30

    static func checkTerm(_ months: Int) throws {
        guard terms.contains(months) else {
            throw ShowroomError.invalid("term_months must be between 12 and 84, got \(months)")
        }
    }

    static func checkApr(_ pct: Decimal) throws {
        guard pct >= 0, pct <= maxAprPct else {
            throw ShowroomError.invalid("apr_pct must be between 0 and 30, got \(pct)")
        }
    }

    static func checkPrice(_ price: Money, name: String = "price") throws {
        guard price.minorUnits > 0 else { throw ShowroomError.invalid("\(name) must be greater than 0, got \(price)") }
    }
}
