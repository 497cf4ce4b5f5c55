import Foundation
import Testing
@testable import ShowroomCore

@Suite struct RecommendationScorerTests {
    static func cny(_ id: String, _ make: String, _ model: String, _ body: BodyType, _ pt: Powertrain, seats: Int,
                    price: Int64, range: Int? = nil, kwh: String? = nil, fuel: String? = nil, kw: Int, length: Int,
                    condition: VehicleCondition = .new, year: Int = 2025, km: Int = 0) -> VehicleFacts {
        VehicleFacts(id: id, make: make, model: model, bodyType: body, powertrain: pt, seats: seats, price: Money(price, .CNY),
                     rangeKm: range, fuelL100km: fuel.flatMap { Decimal(string: $0) }, kwh100km: kwh.flatMap { Decimal(string: $0) },
                     powerKw: kw, lengthMm: length, year: year, condition: condition, mileageKm: km)
    }

    static let shanghai: [VehicleFacts] = [
        cny("SH-HAN1", "BYD", "Han", .sedan, .bev, seats: 5, price: 209_800, range: 605, kwh: "13.9", kw: 180, length: 4995),
        cny("SH-HAN2", "BYD", "Han", .sedan, .bev, seats: 5, price: 189_800, range: 506, kwh: "13.5", kw: 150, length: 4995),
        cny("SH-L6", "Li Auto", "L6", .suv, .erev, seats: 5, price: 249_800, range: 212, fuel: "6.2", kw: 300, length: 4925),
        cny("SH-TANG", "BYD", "Tang", .suv, .phev, seats: 7, price: 219_800, range: 112, fuel: "5.3", kw: 200, length: 4870),
        cny("SH-SIENNA", "Toyota", "Sienna", .mpv, .hev, seats: 7, price: 309_800, fuel: "5.3", kw: 140, length: 5175),
        cny("SH-GULL", "BYD", "Seagull", .hatchback, .bev, seats: 4, price: 73_800, range: 405, kwh: "9.8", kw: 55, length: 3780),
        cny("SH-CAMRY", "Toyota", "Camry", .sedan, .hev, seats: 5, price: 179_800, fuel: "4.2", kw: 145, length: 4915,
            condition: .used, year: 2023, km: 35_000),
    ]

    let scorer = RecommendationScorer()

    @Test func budgetAndSeatsAreHardConstraints() throws {
        let needs = RecommendationNeeds(priceMax: Money(250_000, .CNY), seatsMin: 7)
        let picks = try scorer.rank(Self.shanghai, for: needs, limit: 5)
        // Sienna has 7 seats but costs ¥309,800 > ¥250,000; every other unit has fewer than 7 seats
        #expect(picks.map(\.vehicle.id) == ["SH-TANG"])
        let en = picks[0].reasons.map(\.en)
        #expect(en.prefix(2) == ["Within budget: ¥219,800", "7 seats"])
        #expect(picks[0].reasons[1].zh == "7 座")
    }

    @Test func atMostOnePickPerModel() throws {
        let picks = try scorer.rank(Self.shanghai, for: RecommendationNeeds(priorities: [.range]), limit: 7)
        let keys = picks.map(\.vehicle.modelKey)
        #expect(Set(keys).count == keys.count)
        #expect(picks.count == 6)  // 7 units, 6 models
        // range first: the 605 km Han beats its 506 km sibling and leads overall
        #expect(picks[0].vehicle.id == "SH-HAN1")
        #expect(picks[0].reasons.first?.en == "CLTC range 605 km")
        #expect(picks[0].reasons.first?.zh == "CLTC 续航 605 公里")
    }

    @Test func performancePriorityPutsTheMostPowerfulFirst() throws {
        let picks = try scorer.rank(Self.shanghai, for: RecommendationNeeds(priorities: [.performance, .space]))
        #expect(picks[0].vehicle.id == "SH-L6")
        #expect(picks[0].reasons.contains(LocalizedText(zh: "功率 300 kW", en: "300 kW of power")))
        #expect(picks.map(\.score) == picks.map(\.score).sorted(by: >))
        #expect(picks.allSatisfy { (0...100).contains($0.score) })
    }

    @Test func noHomeChargingOnLongTripsAvoidsBatteryCars() throws {
        let needs = RecommendationNeeds(usage: .longTrips, homeCharging: false)
        let picks = try scorer.rank(Self.shanghai, for: needs, limit: 3)
        #expect(picks.allSatisfy { $0.vehicle.powertrain != .bev })
        let l6 = try #require(picks.first { $0.vehicle.id == "SH-L6" })
        #expect(l6.reasons.map(\.en).contains("Range-extender: no range worries without home charging"))
    }

    @Test func askedBodyTypeAndPowertrainScoreButDoNotExclude() throws {
        let needs = RecommendationNeeds(bodyType: .suv, powertrain: .phev)
        let picks = try scorer.rank(Self.shanghai, for: needs, limit: 6)
        #expect(picks[0].vehicle.id == "SH-TANG")  // the only phev SUV
        #expect(picks[0].reasons.map(\.en).prefix(2) == ["An SUV, as you asked", "Plug-in hybrid, as you asked"])
        #expect(picks[1].vehicle.bodyType == .suv)
        #expect(picks.contains { $0.vehicle.bodyType == .sedan })
        #expect(picks.allSatisfy { (0...100).contains($0.score) })
    }

    @Test func cityBudgetBuyerGetsTheCheapEconomicalCar() throws {
        let needs = RecommendationNeeds(priceMax: Money(100_000, .CNY), usage: .city, priorities: [.price, .economy])
        let picks = try scorer.rank(Self.shanghai, for: needs)
        #expect(picks.map(\.vehicle.id) == ["SH-GULL"])
        #expect(picks[0].reasons.map(\.en).contains("Uses 9.8 kWh/100 km"))
    }

    @Test func usedUnitsSayTheirYearAndMileage() throws {
        let needs = RecommendationNeeds(priceMax: Money(180_000, .CNY), priorities: [.economy])
        let picks = try scorer.rank(Self.shanghai, for: needs)
        let camry = try #require(picks.first { $0.vehicle.id == "SH-CAMRY" })
        #expect(camry.reasons.map(\.en).contains("Uses 4.2 L/100 km"))
        #expect(camry.reasons.map(\.zh).contains("2023 年车，行驶 35,000 公里"))
    }

    @Test func sanFranciscoRangesAreEPA() throws {
        let model3 = VehicleFacts(id: "SF-M3", make: "Tesla", model: "Model 3", bodyType: .sedan, powertrain: .bev, seats: 5,
                                  price: Money(42_490, .USD), rangeKm: 584, kwh100km: Decimal(string: "15.4"), powerKw: 208,
                                  lengthMm: 4720, year: 2025)
        let rav4 = VehicleFacts(id: "SF-RAV4", make: "Toyota", model: "RAV4", bodyType: .suv, powertrain: .hev, seats: 5,
                                price: Money(34_000, .USD), fuelL100km: Decimal(string: "6.0"), powerKw: 162, lengthMm: 4600, year: 2025)
        let picks = try scorer.rank([rav4, model3], for: RecommendationNeeds(priceMax: Money(45_000, .USD), priorities: [.range]))
        #expect(picks[0].vehicle.id == "SF-M3")
        // A US store shows miles: 584 km / 1.609344 = 362.9 → 363 mi.
        #expect(picks[0].reasons.map(\.en).contains("EPA range 363 mi"))
        #expect(picks[0].reasons.map(\.zh).contains("EPA 续航 363 英里"))
        #expect(picks[0].reasons[0].en == "Within budget: $42,490")
    }

    @Test func nothingFitsIsAnEmptyListNotAnError() throws {
        let picks = try scorer.rank(Self.shanghai, for: RecommendationNeeds(priceMax: Money(50_000, .CNY)))
        #expect(picks.isEmpty)
    }

    @Test func badNeedsAreRejected() {
        let wrongCurrency = #expect(throws: ShowroomError.self) {
            try scorer.rank(Self.shanghai, for: RecommendationNeeds(priceMax: Money(30_000, .USD)))
        }
        #expect(wrongCurrency?.message == "price_max is in USD but this store prices in CNY")
        #expect(throws: ShowroomError.self) { try scorer.rank(Self.shanghai, for: RecommendationNeeds(seatsMin: 0)) }
        #expect(throws: ShowroomError.self) { try scorer.rank(Self.shanghai, for: RecommendationNeeds(), limit: 0) }
    }
}
