import Foundation
import Testing
@testable import ShowroomCore

@Suite struct TradeInAppraiserTests {
    let appraiser = TradeInAppraiser()

    @Test func shanghaiHanEVWorkedExample() throws {
        let e = try appraiser.appraise(TradeInRequest(
            referenceNewPrice: Money(209_800, .CNY), year: 2023, mileageKm: 60_000, condition: .good, powertrain: .bev,
            asOf: try LocalDate("2026-07-01")))
        // age = 3 + (7 − 1)/12 = 3.5 years; BEV retention = 0.78 × 0.86² × (1 − 0.14 × 0.5) = 0.5365058…
        // expected 3.5 × 15,000 = 52,500 km; 7,500 over → −7.5 × 0.3% = −2.25%
        // value = 209,800 × 0.5365058… × 0.9775 × 1.00 = 110,026.35
        // low = 110,026.35 × 0.93 = 102,324.5 → 102,300; high = × 1.07 = 117,728.2 → 117,700
        #expect(e.low == Money(102_300, .CNY))
        #expect(e.high == Money(117_700, .CNY))
        #expect(e.pendingInspection)  // even a stated "good" is an estimate until the car is inspected
        #expect(e.assumptions[1].zh.contains("3.5 年") && e.assumptions[1].zh.contains("纯电车"))
        #expect(e.assumptions[2].en == "60,000 km vs about 52,500 km average for its age: -2.3%")
        #expect(e.json(.zh)["assumptions"]?.arrayValue?.count == 5)
    }

    @Test func sanFranciscoLowMileageExcellentHybrid() throws {
        let e = try appraiser.appraise(TradeInRequest(
            referenceNewPrice: Money(28_000, .USD), year: 2021, mileageKm: 40_000, condition: .excellent, powertrain: .hev,
            asOf: try LocalDate("2026-01-15")))
        // age 5.0; retention = 0.85 × 0.89⁴ = 0.5333090…; expected 75,000 km, 35,000 under → +7%
        // value = 28,000 × 0.5333090… × 1.07 × 1.05 = 16,776.84
        // low = 15,602.5 → 15,600; high = 17,951.2 → 18,000
        #expect(e.low == Money(15_600, .USD))
        #expect(e.high == Money(18_000, .USD))
        // In the US store's miles, to the nearest hundred: 40,000 km = 24,854.8 mi; 75,000 km = 46,602.9 mi.
        #expect(e.assumptions[2].en == "24,900 mi vs about 46,600 mi average for its age: +7.0%")
        #expect(e.assumptions[2].zh == "行驶 24,900 英里，同龄车平均约 46,600 英里：+7.0%")
        #expect(e.assumptions[3].en == "Condition: excellent (×1.05)")
        #expect(e.currency == .USD)
    }

    @Test func veryOldHighMileageCarHitsTheFloorsAndNeedsInspection() throws {
        let e = try appraiser.appraise(TradeInRequest(
            referenceNewPrice: TradeInAppraiser.segmentDefault(for: .sedan, currency: .CNY), referenceIsSegmentDefault: true,
            year: 2000, mileageKm: 500_000, condition: .poor, asOf: try LocalDate("2026-01-01")))
        // 150,000 × 8% floor (0.85 × 0.89²⁵ = 4.6% is lower) × (1 − 30% cap) × 0.72 = 6,048
        // low 5,624.64 → 5,600; high 6,471.36 → 6,500
        #expect(e.low == Money(5_600, .CNY))
        #expect(e.high == Money(6_500, .CNY))
        #expect(e.pendingInspection)
        #expect(e.assumptions[0].en.hasPrefix("Model not in our catalog"))
    }

    @Test func unstatedConditionIsAssumedGoodSaidSoAndEveryEstimateIsPendingInspection() throws {
        let base = TradeInRequest(referenceNewPrice: Money(30_000, .USD), year: 2022, mileageKm: 50_000,
                                  asOf: try LocalDate("2026-03-01"))
        var stated = base
        stated.condition = .good
        let assumed = try appraiser.appraise(base)
        let good = try appraiser.appraise(stated)
        #expect(assumed.low == good.low && assumed.high == good.high)
        #expect(assumed.pendingInspection && good.pendingInspection)
        #expect(assumed.assumptions[3].zh == "车况未说明，按“良好”估算")
        #expect(assumed.assumptions[3].en == "Condition not stated; assumed good")
        #expect(good.assumptions[3].en == "Condition: good (×1.00)")
    }

    @Test func evsDepreciateFasterAndConditionOrdersValues() throws {
        func low(_ p: Powertrain, _ c: TradeInCondition) throws -> Int64 {
            try appraiser.appraise(TradeInRequest(referenceNewPrice: Money(200_000, .CNY), year: 2022, mileageKm: 60_000,
                                                  condition: c, powertrain: p, asOf: try LocalDate("2026-01-01"))).low.minorUnits
        }
        #expect(try low(.bev, .good) < low(.phev, .good))
        #expect(try low(.phev, .good) < low(.ice, .good))
        #expect(try low(.ice, .poor) < low(.ice, .fair))
        #expect(try low(.ice, .fair) < low(.ice, .good))
        #expect(try low(.ice, .good) < low(.ice, .excellent))
    }

    @Test func nextYearsModelWithNoMileageIsWorthAboutNew() throws {
        let e = try appraiser.appraise(TradeInRequest(referenceNewPrice: Money(40_000, .USD), year: 2027, mileageKm: 0,
                                                      condition: .good, asOf: try LocalDate("2026-01-01")))
        #expect(e.low == Money(37_200, .USD))  // 40,000 × 0.93
        #expect(e.high == Money(42_800, .USD))  // 40,000 × 1.07
    }

    @Test func yearAndMileageAreValidated() throws {
        let day = try LocalDate("2026-05-01")
        let cases: [(Int, Int, String)] = [
            (1975, 10_000, "year must be between 1980 and 2027, got 1975"),
            (2028, 10_000, "year must be between 1980 and 2027, got 2028"),
            (2020, -5, "mileage_km must be between 0 and 1000000, got -5"),
            (2020, 1_200_000, "mileage_km must be between 0 and 1000000, got 1200000"),
        ]
        for (year, km, message) in cases {
            let error = #expect(throws: ShowroomError.self) {
                try appraiser.appraise(TradeInRequest(referenceNewPrice: Money(30_000, .USD), year: year, mileageKm: km, asOf: day))
            }
            #expect(error?.code == "invalid_arguments")
            #expect(error?.message == message)
        }
    }

    @Test func segmentDefaultsExistForEveryBodyTypeInBothCurrencies() {
        for currency in Currency.allCases {
            for body in BodyType.allCases {
                #expect(TradeInAppraiser.segmentDefault(for: body, currency: currency).minorUnits > 0)
            }
            #expect(TradeInAppraiser.segmentDefault(for: nil, currency: currency).currency == currency)
        }
    }
}
