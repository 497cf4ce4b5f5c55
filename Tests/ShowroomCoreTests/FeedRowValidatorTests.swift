import Foundation
import Testing
@testable import ShowroomCore

@Suite struct FeedRowValidatorTests {
    static let header = ["VIN", "Stock #", "Year", "Make", "Model", "Trim", "Body Style", "Condition", "Certified",
                         "Mileage", "Internet Price", "MSRP", "Ext Color", "Int Color", "Date In Stock"]
    static let today = try! LocalDate("2026-03-15")
    static let goodVIN = "1HGCM82633A004352"

    func validate(_ values: [String: String], header: [String] = header, currency: Currency = .USD,
                  unit: FeedHeaderMap.MileageUnit? = nil) -> FeedRowValidator.Outcome {
        let defaults = ["VIN": Self.goodVIN, "Stock #": "A100", "Year": "2003", "Make": "Honda", "Model": "Accord",
                        "Trim": "EX", "Body Style": "4dr Car", "Condition": "Used", "Certified": "N",
                        "Mileage": "10,000", "Internet Price": "$8,995", "MSRP": "", "Ext Color": "Silver",
                        "Int Color": "Gray", "Date In Stock": "2026-03-01"]
        let line = header.map { h in csvQuote(values[h] ?? defaults[h] ?? "") }.joined(separator: ",")
        let records = CSVParser.records(in: header.joined(separator: ",") + "\r\n" + line + "\r\n")
        let validator = FeedRowValidator(header: header, options: .init(currency: currency, mileageUnit: unit, today: Self.today))
        return validator.validate(records[1], row: 1)
    }

    func csvQuote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    func accepted(_ outcome: FeedRowValidator.Outcome) throws -> (FeedRowValidator.Row, [FeedRowValidator.Issue]) {
        guard case .accepted(let row, let warnings) = outcome else {
            Issue.record("rejected: \(outcome)")
            throw ShowroomError("test", "rejected")
        }
        return (row, warnings)
    }

    func rejection(_ outcome: FeedRowValidator.Outcome) -> FeedRowValidator.Issue? {
        if case .rejected(let issue, _) = outcome { return issue }
        return nil
    }

    @Test func acceptsAGoodRowInCanonicalUnits() throws {
        let (row, warnings) = try accepted(validate([:]))
        #expect(warnings.isEmpty)
        #expect(row.vin.rawValue == Self.goodVIN)
        #expect(row.stockNumber == "A100")
        #expect(!row.stockNumberDerived)
        #expect(row.year == 2003)
        #expect((row.make, row.model, row.trim) == ("Honda", "Accord", "EX"))
        #expect(row.bodyType == .sedan)
        #expect(row.condition == .used)
        #expect(row.mileageKm == 16_093)  // 10,000 mi × 1.609344, rounded
        #expect(row.price == Money(8_995, .USD))
        #expect(row.msrp == nil)
        #expect((row.exteriorColor, row.interiorColor) == ("silver", "gray"))
        #expect(row.dateInStock == (try LocalDate("2026-03-01")))
        #expect((row.row, row.line) == (1, 2))
    }

    @Test func mileageIsKilometresForCNYStoresUnlessTheValueSaysOtherwise() throws {
        #expect(try accepted(validate([:], currency: .CNY)).0.mileageKm == 10_000)
        #expect(try accepted(validate(["Mileage": "10000 mi"], currency: .CNY)).0.mileageKm == 16_093)
        #expect(try accepted(validate(["Mileage": "1.2万公里"], currency: .CNY)).0.mileageKm == 12_000)
        #expect(try accepted(validate([:], unit: .km)).0.mileageKm == 10_000)
        let kmHeader = Self.header.map { $0 == "Mileage" ? "Odometer (km)" : $0 }
        #expect(try accepted(validate(["Odometer (km)": "500"], header: kmHeader)).0.mileageKm == 500)
    }

    @Test func readsPricesWrittenInTheUsualWays() throws {
        #expect(try accepted(validate(["Internet Price": "32995.50"])).0.price == Money(minorUnits: 3_299_550, currency: .USD))
        #expect(try accepted(validate(["Internet Price": "USD 32,995"])).0.price == Money(32_995, .USD))
        #expect(try accepted(validate(["Internet Price": "20.98万"], currency: .CNY)).0.price == Money(209_800, .CNY))
        #expect(try accepted(validate(["MSRP": "$34,000"])).0.msrp == Money(34_000, .USD))
    }

    @Test func aPriceBelowThePlausibleMinimumIsRejectedOnEitherReaderAndAnMSRPThereIsDropped() throws {
        #expect(try accepted(validate(["Internet Price": "500"])).0.price == Money(500, .USD))
        #expect(try accepted(validate(["Internet Price": "$500.00"])).0.price == Money(500, .USD))
        #expect(try accepted(validate(["Internet Price": "3000"], currency: .CNY)).0.price == Money(3_000, .CNY))
        let cny = try #require(rejection(validate(["Internet Price": "20.98"], currency: .CNY)))
        #expect(cny.code == "price_absurd")
        #expect(cny.reason == "Price 20.98 is below ¥3,000, the lowest plausible price of a vehicle (if it is in 万, write 20.98万).")
        #expect(try #require(rejection(validate(["Internet Price": "¥2,999.99"], currency: .CNY))).code == "price_absurd")
        let usd = try #require(rejection(validate(["Internet Price": "1"])))
        #expect(usd.reason.hasPrefix("Price 1 is below $500, the lowest plausible price"))
        let (row, warnings) = try accepted(validate(["MSRP": "$1"]))
        #expect(row.msrp == nil)
        #expect(warnings.map(\.code) == ["msrp_absurd"])
    }

    @Test func plainAmountsReadWithoutFoundationEqualTheGeneralReader() throws {
        var texts = ["0", "0.00", "1", "9.9", "9.99", "32995", "32,995", "32,995.5", "1,000,000.05", "10000000", "10000000.00",
                     "10000000.01", "99999999999", "007", "1.", ".5", ",5", "12,34,5"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let minor = Int64.random(in: 0...1_200_000_000, using: &generator)
            let whole = String(minor / 100), cents = minor % 100
            texts.append(whole)
            texts.append(whole + "." + (cents < 10 ? "0" : "") + String(cents))
            texts.append(Int(whole)!.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) + "." + String(cents % 10))
        }
        var fast = 0
        for text in texts {
            if FeedRowValidator.plainMinorUnits(text) != nil { fast += 1 }
            let general = FeedRowValidator.generalMoney(text, currency: .USD, label: "Price")
            #expect(FeedRowValidator.money(text, currency: .USD, label: "Price") == general, "\(text)")
        }
        #expect(fast >= 6_000)  // the random forms all take the fast path
        #expect(FeedRowValidator.plainMinorUnits("32,995.5") == 3_299_550)
        #expect(FeedRowValidator.plainMinorUnits("1.005") == nil)  // three decimals: the general reader rounds
        #expect(FeedRowValidator.plainMinorUnits("$5") == nil)
    }

    @Test func plainMileageReadWithoutFoundationEqualsTheGeneralReader() {
        for text in ["0", "12", "12,345", "99999", "1300000", "5.5", "12 mi", "8.5万公里"] {
            func outcome(_ r: Result<Int?, ShowroomError>) -> String {
                switch r {
                case .success(let km): return "\(km.map(String.init) ?? "nil")"
                case .failure(let e): return e.code
                }
            }
            let viaGeneral = FeedRowValidator.mileageKm(text + " ", defaultUnit: .miles)  // a space forces the general path
            #expect(outcome(FeedRowValidator.mileageKm(text, defaultUnit: .miles)) == outcome(viaGeneral), "\(text)")
        }
        #expect(FeedRowValidator.mileageKm("12,345", defaultUnit: .miles) == .success(19_867))
        #expect(FeedRowValidator.mileageKm("12,345", defaultUnit: .km) == .success(12_345))
    }

    @Test(arguments: [
        (["VIN": "1HGCM82633A00435"], "vin", "vin_length"),
        (["VIN": "1HGCM82633A0043O2"], "vin", "vin_characters"),
        (["VIN": "1HGCM82643A004352"], "vin", "vin_check_digit"),
        (["Year": "1979"], "year", "year_out_of_range"),
        (["Year": "2028"], "year", "year_out_of_range"),
        (["Year": "two thousand"], "year", "year_invalid"),
        (["Internet Price": "0"], "price", "price_not_positive"),
        (["Internet Price": "-100"], "price", "price_not_positive"),
        (["Internet Price": "10000001"], "price", "price_absurd"),
        (["Internet Price": "1"], "price", "price_absurd"),  // the audit's $1 Camry, fast path
        (["Internet Price": "$1"], "price", "price_absurd"),  // the same through the general reader
        (["Internet Price": "499.99"], "price", "price_absurd"),
        (["Internet Price": "call"], "price", "price_invalid"),
        (["Internet Price": ""], "price", "price_missing"),
        (["Mileage": "-5"], "mileage", "mileage_negative"),
        (["Mileage": "1300000"], "mileage", "mileage_absurd"),  // 2,092,147 km
        (["Mileage": "lots"], "mileage", "mileage_invalid"),
        (["Make": " "], "make", "make_missing"),
        (["Model": ""], "model", "model_missing"),
        (["Condition": "salvage"], "condition", "condition_invalid"),
    ] as [([String: String], String, String)])
    func rejectsUnsoundRowsNamingTheFieldAndReason(values: [String: String], field: String, code: String) throws {
        let issue = try #require(rejection(validate(values)))
        #expect(issue.field == field)
        #expect(issue.code == code)
        #expect(!issue.reason.isEmpty)
        #expect((issue.row, issue.line) == (1, 2))
    }

    @Test func theNewestAcceptedYearIsNextYear() throws {
        #expect(try accepted(validate(["Year": "2027", "VIN": Self.goodVIN])).0.year == 2027)
        #expect(try accepted(validate(["Year": "1980"])).0.year == 1980)
    }

    @Test func aForeignVINWithAWrongCheckDigitIsImportedWithAWarning() throws {
        let (row, warnings) = try accepted(validate(["VIN": "KMTGA4SCDRU227656", "Make": "Genesis", "Model": "G80", "Year": "2024"]))
        #expect(row.vin.region == .korea)
        #expect(warnings.map(\.code) == ["vin_check_digit"])
    }

    @Test func warnsWhenTheVINYearCodeDisagreesWithTheYearColumn() throws {
        let (_, warnings) = try accepted(validate(["Year": "2004"]))
        #expect(warnings.map(\.code) == ["vin_year_mismatch"])
    }

    @Test func readsConditionFromWordsFlagsOrMileage() throws {
        #expect(try accepted(validate(["Condition": "N", "Mileage": "5"])).0.condition == .new)
        #expect(try accepted(validate(["Condition": "Pre-Owned"])).0.condition == .used)
        #expect(try accepted(validate(["Condition": "Used", "Certified": "Yes"])).0.condition == .cpo)
        #expect(try accepted(validate(["Condition": "Certified Pre-Owned"])).0.condition == .cpo)
        let (inferred, warnings) = try accepted(validate(["Condition": "", "Certified": ""]))
        #expect(inferred.condition == .used)
        #expect(warnings.map(\.code) == ["condition_inferred"])
        #expect(try accepted(validate(["Condition": "", "Certified": "", "Mileage": "12"])).0.condition == .new)
    }

    @Test func derivesAMissingStockNumberFromTheVIN() throws {
        let (row, warnings) = try accepted(validate(["Stock #": ""]))
        #expect(row.stockNumber == "3A004352")
        #expect(row.stockNumberDerived)
        #expect(warnings.map(\.code) == ["stock_number_derived"])
    }

    @Test func keepsGoingWithWarningsOnUnreadableOptionalValues() throws {
        let (row, warnings) = try accepted(validate(["MSRP": "n/a", "Date In Stock": "last week", "Body Style": "Spaceship"]))
        #expect(row.msrp == nil && row.dateInStock == nil && row.bodyType == nil)
        #expect(Set(warnings.map(\.code)) == ["msrp_invalid", "date_invalid", "body_unknown"])
    }

    @Test func readsUSAndISODates() {
        #expect(FeedRowValidator.date("03/01/2026") == (try? LocalDate("2026-03-01")))
        #expect(FeedRowValidator.date("2026/3/1") == (try? LocalDate("2026-03-01")))
        #expect(FeedRowValidator.date("2026-03-01T10:00:00Z") == (try? LocalDate("2026-03-01")))
        #expect(FeedRowValidator.date("02/30/2026") == nil)
    }

    @Test func rejectsRowsWiderOrNarrowerThanTheHeader() throws {
        let records = CSVParser.records(in: "VIN,Year,Make,Model,Price\n\(Self.goodVIN),2003,Honda,Accord,9000,extra\n")
        let validator = FeedRowValidator(header: records[0].fields, options: .init(currency: .USD, today: Self.today))
        let issue = try #require(rejection(validator.validate(records[1], row: 1)))
        #expect(issue.code == "row_ragged")
        #expect(issue.reason == "row has 6 fields; the header has 5")
    }

    @Test func anUnclosedQuoteIsReportedAsSuchWithItsLineAndWhatItSwallowed() throws {
        let text = "VIN,Year,Make,Model,Price,Ext Color\r\n\(Self.goodVIN),2003,Honda,Accord,9000,Silver\r\n"
            + "1HGCM82633A004353,2003,Honda,Accord,9100,\"Blue\r\n1HGCM82633A004354,2003,Honda,Accord,9200,Red\r\n"
            + "1HGCM82633A004355,2003,Honda,Accord,9300,Gray\r\n"
        let records = CSVParser.records(in: text)
        #expect(records.count == 3)  // header, the good row, and the row whose quote swallowed the rest
        let validator = FeedRowValidator(header: records[0].fields, options: .init(currency: .USD, today: Self.today))
        let issue = try #require(rejection(validator.validate(records[2], row: 2)))
        #expect(issue.code == "quote_unclosed")
        #expect((issue.row, issue.line) == (2, 3))
        #expect(issue.reason.hasPrefix("A quote opened in field 6 of the row starting on line 3 is never closed"))
        #expect(issue.reason.contains("(2 more lines)"), "\(issue.reason)")
    }

    @Test func aVehicleTypeColumnHoldingCarIsNotAConditionAndTheRowIsKept() throws {
        let header = Self.header.map { $0 == "Condition" ? "Vehicle Type" : $0 }
        let (row, warnings) = try accepted(validate(["Vehicle Type": "Car", "Certified": ""], header: header))
        #expect(row.condition == .used)  // 10,000 miles
        #expect(warnings.map(\.code) == ["condition_inferred"])
        #expect(warnings.first?.reason.hasPrefix("The condition column says 'Car', a kind of vehicle") == true)
        #expect(try accepted(validate(["Vehicle Type": "Passenger Car", "Mileage": "3"], header: header)).0.condition == .new)
        #expect(try accepted(validate(["Vehicle Type": "New"], header: header)).0.condition == .new)
        #expect(try #require(rejection(validate(["Vehicle Type": "salvage"], header: header))).code == "condition_invalid")
    }

    @Test func longTextIsCutWhereItIsDescriptionAndRejectedWhereItIsAnIdentifierOrName() throws {
        // The staff audit's feed held a 100,000-character colour.
        let (row, warnings) = try accepted(validate(["Ext Color": String(repeating: "b", count: 100_000), "Trim": String(repeating: "t", count: 121)]))
        #expect(row.exteriorColor?.count == FeedRowValidator.maximumColorLength)
        #expect(row.trim?.count == FeedRowValidator.maximumTrimLength)
        #expect(warnings.map(\.code).sorted() == ["exterior_color_too_long", "trim_too_long"])
        #expect(warnings.contains { $0.reason == "The exterior color has 100000 characters; kept its first 60." })
        #expect(try accepted(validate(["Ext Color": String(repeating: "蓝", count: 60)])).0.exteriorColor?.count == 60)
        let stock = try #require(rejection(validate(["Stock #": String(repeating: "S", count: 41)])))
        #expect(stock.code == "stock_number_too_long")
        #expect(try accepted(validate(["Stock #": String(repeating: "S", count: 40)])).0.stockNumber.count == 40)
        #expect(try #require(rejection(validate(["Model": String(repeating: "m", count: 61)]))).code == "model_too_long")
    }
}
