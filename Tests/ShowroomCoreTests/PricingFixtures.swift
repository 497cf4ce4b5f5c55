import Foundation
import Testing
@testable import ShowroomCore

/// The two demo stores' tax profiles and promotions, decoded from the catalog-format.md JSON shape.
enum PricingFixtures {
    static let shanghaiJSON = """
        {"kind": "cn", "vat_pct": 13, "purchase_tax_pct": 10,
         "nev_relief": {"from": "2026-01-01", "to": "2027-12-31", "factor": 0.5, "cap": 15000},
         "fees": [
           {"code": "registration", "label": "Registration", "label_zh": "上牌费", "amount": 500},
           {"code": "compulsory_insurance", "label": "Compulsory traffic insurance", "label_zh": "交强险",
            "amount": 950, "insurance": true}]}
        """
    static let sanFranciscoJSON = """
        {"kind": "us", "sales_tax_pct": 8.625, "trade_in_credit": true,
         "fees": [
           {"code": "dmv", "label": "DMV registration & title", "label_zh": "DMV 注册与过户", "amount": 415},
           {"code": "doc_fee", "label": "Documentation fee", "label_zh": "文件费", "amount": 85}]}
        """

    static func profile(_ json: String) throws -> TaxProfile {
        try TaxProfile.decode(try #require(JSONValue.parse(json)))
    }

    static var shanghai: TaxProfile { get throws { try profile(shanghaiJSON) } }
    static var sanFrancisco: TaxProfile { get throws { try profile(sanFranciscoJSON) } }

    static func day(_ text: String) -> LocalDate { try! LocalDate(text) }

    static let nevSpring = Promotion(
        code: "NEV-SPRING", title: "NEV trade-up bonus", titleZh: "新能源置换补贴", kind: .amount, value: 5000,
        powertrain: .bev, automatic: true, startsOn: day("2026-01-01"), endsOn: day("2027-12-31"))
    static let vip3 = Promotion(
        code: "VIP3", title: "Loyal customer 3% off", titleZh: "老客户九七折", kind: .percent, value: 3)
    static let hanOnly = Promotion(
        code: "HAN2026", title: "Han launch offer", titleZh: "汉上市优惠", kind: .amount, value: 8000,
        make: "BYD", model: "Han", startsOn: day("2026-03-01"), endsOn: day("2026-06-30"))
}
