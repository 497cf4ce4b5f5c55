import Foundation

/// Turns one data row of a dealer feed into a validated unit, or a rejection with its reason.
///
/// Rules (issue 2): the VIN must have 17 characters of the VIN alphabet and, when made in North
/// America or China, a correct check digit (elsewhere a wrong one is a warning, see `VIN.check`); the
/// year must lie in 1980...next calendar year; the price must be at least `minimumPrice` (500 USD,
/// 3,000 CNY) and at most 10,000,000 in the store's currency; mileage must not be negative or above 2,000,000 km
/// (after converting miles at 1.609344 km/mi, rounded to the nearest km); make and model must be
/// present. Rows with a different number of fields than the header are rejected (a shifted row
/// would put values in the wrong columns). Lesser problems (unparseable MSRP or date, a VIN
/// whose year code disagrees with the year column, an inferred condition) are warnings.
///
/// `row` numbers count data rows from 1 (the header and blank lines are not counted); `line`
/// is the physical line where the row starts, for finding it in an editor.
public struct FeedRowValidator: Sendable {
    /// How values without a unit are read, and the date the year range is judged on.
    public struct Options: Sendable, Hashable {
        /// The store's currency: prices are read in it; it also picks the default mileage unit.
        public var currency: Currency
        /// Unit of a mileage column whose header and values name none: miles for USD stores,
        /// km for CNY stores unless told otherwise.
        public var mileageUnit: FeedHeaderMap.MileageUnit
        /// Today's date in the store: the newest acceptable model year is `today.year + 1`.
        public var today: LocalDate

        public init(currency: Currency, mileageUnit: FeedHeaderMap.MileageUnit? = nil,
                    today: LocalDate = LocalDate(Date(), in: TimeZone(identifier: "UTC")!)) {
            self.currency = currency
            self.mileageUnit = mileageUnit ?? (currency == .USD ? .miles : .km)
            self.today = today
        }
    }

    /// A row that passed validation, in canonical units: mileage in km, prices in `currency`.
    public struct Row: Sendable, Hashable {
        public var row: Int
        public var line: Int
        public var vin: VIN
        public var stockNumber: String
        /// True when the feed gave no stock number and it was derived from the VIN (last 8).
        public var stockNumberDerived: Bool
        public var year: Int
        public var make: String
        public var model: String
        public var trim: String?
        public var bodyType: BodyType?
        public var condition: VehicleCondition
        public var mileageKm: Int
        public var price: Money
        public var msrp: Money?
        public var exteriorColor: String?
        public var interiorColor: String?
        public var dateInStock: LocalDate?
    }

    /// A rejection or warning for one row.
    public struct Issue: Sendable, Hashable, Codable {
        /// 1-based data row number (header and blank lines not counted).
        public var row: Int
        /// 1-based line where the row starts.
        public var line: Int
        /// The canonical field at fault, when one is.
        public var field: String?
        /// A stable snake_case code such as `vin_check_digit` or `price_absurd`.
        public var code: String
        /// A sentence for the operator.
        public var reason: String

        public init(row: Int, line: Int, field: String?, code: String, reason: String) {
            self.row = row
            self.line = line
            self.field = field
            self.code = code
            self.reason = reason
        }
    }

    /// The verdict on one row; warnings accompany either case.
    public enum Outcome: Sendable, Hashable {
        case accepted(Row, warnings: [Issue])
        case rejected(Issue, warnings: [Issue])
    }

    public static let minimumYear = 1980
    public static let maximumPrice: Decimal = 10_000_000
    /// The lowest plausible price of a vehicle, in whole units of the store's currency: 500 USD,
    /// 3,000 CNY (the cheapest used cars dealers list are a few times this). Below it a price is a
    /// placeholder ($1), a typo, or written in thousands or 万 without saying so; the row is
    /// rejected as `price_absurd` (an MSRP below it is dropped with a warning).
    public static func minimumPrice(_ currency: Currency) -> Money {
        switch currency {
        case .USD: Money(minorUnits: 500_00, currency: .USD)
        case .CNY: Money(minorUnits: 3_000_00, currency: .CNY)
        }
    }

    /// `price_absurd` when `amount` is below `minimumPrice`, whichever reader read it.
    static func implausiblyLow(_ amount: Money, text: String, label: String) -> ShowroomError? {
        let floor = minimumPrice(amount.currency)
        guard amount < floor else { return nil }
        let hint = amount.currency == .CNY ? " (if it is in 万, write \(text)万)" : " (if it is in thousands, write it out in full)"
        return ShowroomError("\(label.lowercased())_absurd",
            "\(label) \(text) is below \(floor.formatted), the lowest plausible price of a vehicle\(hint).")
    }
    public static let maximumMileageKm = 2_000_000
    /// Longest make or model text (characters), as the staff API allows; longer is rejected.
    public static let maximumNameLength = 60
    /// Longest stock number (characters), as the staff API's pattern allows; longer is rejected
    /// (cutting an identifier could merge two units).
    public static let maximumStockNumberLength = 40
    /// Longest trim text (characters), as the staff API allows; longer is cut with a warning.
    public static let maximumTrimLength = 120
    /// Longest colour text (characters), as the staff API allows; longer is cut with a warning.
    public static let maximumColorLength = 60
    /// A unit with no condition column is taken as new up to this many km, else used.
    public static let newMileageLimitKm = 500

    public let header: FeedHeaderMap
    public let options: Options
    /// Number of fields in the header row.
    public let headerCount: Int

    public init(header: [String], options: Options) {
        self.header = FeedHeaderMap(header: header)
        self.options = options
        self.headerCount = header.count
    }

    /// Validates a data record (`row` is its 1-based data row number).
    public func validate(_ record: CSVParser.Record, row: Int) -> Outcome {
        var warnings: [Issue] = []
        func issue(_ field: FeedHeaderMap.Field?, _ code: String, _ reason: String) -> Issue {
            Issue(row: row, line: record.line, field: field?.rawValue, code: code, reason: reason)
        }
        func value(_ field: FeedHeaderMap.Field) -> String {
            guard let i = header[field] else { return "" }
            return record[i].trimmed
        }
        func reject(_ field: FeedHeaderMap.Field?, _ code: String, _ reason: String) -> Outcome {
            .rejected(issue(field, code, reason), warnings: warnings)
        }
        if record.unterminatedQuote {
            // The open field runs to the end of the input: it is the record's last field.
            let rest = record[record.count - 1].reversed().drop(while: \.isNewline)  // the file's final line break ends no line
            let swallowed = rest.reduce(0) { $1.isNewline ? $0 + 1 : $0 }
            return reject(nil, "quote_unclosed",
                "A quote opened in field \(record.count) of the row starting on line \(record.line) is never closed, so everything after it to the end of "
                    + "the file (\(swallowed) more line\(swallowed == 1 ? "" : "s")) was read as that one field and none of it was imported. "
                    + "Close the quote (a quote inside a field is written \"\") and import the feed again.")
        }
        if let ragged = record.raggedness(expected: headerCount) {
            return reject(nil, "row_ragged", ragged)
        }

        let vin: VIN
        switch VIN.check(value(.vin)) {
        case .invalid(let e): return reject(.vin, e.code, e.message)
        case .warning(let v, let w): vin = v; warnings.append(issue(.vin, w.code, w.message))
        case .valid(let v): vin = v
        }

        let yearText = value(.year)
        guard let year = Int(yearText) ?? Double(yearText).flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }) else {
            return reject(.year, "year_invalid", yearText.isEmpty ? "Year is missing." : "Year '\(yearText)' is not a number.")
        }
        let newest = options.today.year + 1
        guard (FeedRowValidator.minimumYear...newest).contains(year) else {
            return reject(.year, "year_out_of_range", "Year \(year) is outside \(FeedRowValidator.minimumYear)...\(newest).")
        }
        if vin.checkDigitApplies, let vinYear = vin.modelYear, vinYear != year {
            warnings.append(issue(.year, "vin_year_mismatch",
                "Year \(year) differs from model year \(vinYear) encoded in VIN position 10 ('\(vin.modelYearCode)')."))
        }

        let make = value(.make), model = value(.model)
        if make.isEmpty { return reject(.make, "make_missing", "Make is missing.") }
        if model.isEmpty { return reject(.model, "model_missing", "Model is missing.") }
        for (field, text) in [(FeedHeaderMap.Field.make, make), (.model, model)] where text.count > FeedRowValidator.maximumNameLength {
            return reject(field, "\(field.rawValue)_too_long",
                "\(field.rawValue.capitalized) has \(text.count) characters; at most \(FeedRowValidator.maximumNameLength) are allowed.")
        }

        let price: Money
        switch FeedRowValidator.money(value(.price), currency: options.currency, label: "Price") {
        case .failure(let e): return reject(.price, e.code, e.message)
        case .success(nil): return reject(.price, "price_missing", "Price is missing.")
        case .success(let p?): price = p
        }
        if let low = FeedRowValidator.implausiblyLow(price, text: value(.price), label: "Price") {
            return reject(.price, low.code, low.message)
        }
        var msrp: Money?
        switch FeedRowValidator.money(value(.msrp), currency: options.currency, label: "MSRP") {
        case .failure(let e): warnings.append(issue(.msrp, e.code, e.message + " MSRP left empty."))
        case .success(let m?):
            if let low = FeedRowValidator.implausiblyLow(m, text: value(.msrp), label: "MSRP") {
                warnings.append(issue(.msrp, low.code, low.message + " MSRP left empty."))
            } else {
                msrp = m
            }
        case .success(nil): break
        }

        let unit = header.mileageUnitInHeader ?? options.mileageUnit
        let mileageText = value(.mileage)
        var mileageKm = 0
        switch FeedRowValidator.mileageKm(mileageText, defaultUnit: unit) {
        case .failure(let e): return reject(.mileage, e.code, e.message)
        case .success(let km?): mileageKm = km
        case .success(nil): break
        }

        let condition: VehicleCondition
        switch conditionOf(value, mileageKm: mileageKm) {
        case .failure(let e): return reject(.condition, e.code, e.message)
        case .success(let (c, note)):
            condition = c
            if let note { warnings.append(issue(.condition, "condition_inferred", note)) }
        }
        if mileageText.isEmpty, condition != .new {
            warnings.append(issue(.mileage, "mileage_missing", "Mileage is missing for a \(condition.rawValue) unit; recorded as 0."))
        }

        var stock = value(.stockNumber)
        if stock.count > FeedRowValidator.maximumStockNumberLength {
            return reject(.stockNumber, "stock_number_too_long",
                "Stock number has \(stock.count) characters; at most \(FeedRowValidator.maximumStockNumberLength) are allowed.")
        }
        let derived = stock.isEmpty
        if derived {
            stock = String(vin.rawValue.suffix(8))
            if header[.stockNumber] != nil {
                warnings.append(issue(.stockNumber, "stock_number_derived", "Stock number is empty; using the VIN's last 8 characters \(stock)."))
            }
        }

        let bodyText = value(.bodyType)
        let body = FeedRowValidator.bodyType(bodyText)
        if body == nil, !bodyText.isEmpty {
            warnings.append(issue(.bodyType, "body_unknown", "Body '\(bodyText)' is not a known body style; the model's is used."))
        }
        let dateText = value(.dateInStock)
        let date = FeedRowValidator.date(dateText)
        if date == nil, !dateText.isEmpty {
            warnings.append(issue(.dateInStock, "date_invalid", "Date in stock '\(dateText)' is not a date (YYYY-MM-DD or MM/DD/YYYY); left empty."))
        }
        /// Text cut to `limit` characters, with a warning saying so.
        func capped(_ field: FeedHeaderMap.Field, _ text: String, _ limit: Int) -> String {
            guard text.count > limit else { return text }
            let label = field.rawValue.replacingOccurrences(of: "_", with: " ")
            warnings.append(issue(field, "\(field.rawValue)_too_long",
                "The \(label) has \(text.count) characters; kept its first \(limit)."))
            return String(text.prefix(limit)).trimmed
        }
        let trim = capped(.trim, value(.trim), FeedRowValidator.maximumTrimLength)
        let ext = capped(.exteriorColor, value(.exteriorColor).lowercased(), FeedRowValidator.maximumColorLength)
        let int = capped(.interiorColor, value(.interiorColor).lowercased(), FeedRowValidator.maximumColorLength)
        let accepted = Row(
            row: row, line: record.line, vin: vin, stockNumber: stock, stockNumberDerived: derived, year: year,
            make: make, model: model, trim: trim.isEmpty ? nil : trim, bodyType: body, condition: condition,
            mileageKm: mileageKm, price: price, msrp: msrp, exteriorColor: ext.isEmpty ? nil : ext,
            interiorColor: int.isEmpty ? nil : int, dateInStock: date)
        return .accepted(accepted, warnings: warnings)
    }

    /// Condition from the condition column, then the certified/new/used flag columns, else
    /// inferred from mileage (with a note saying so).
    private func conditionOf(_ value: (FeedHeaderMap.Field) -> String, mileageKm: Int)
        -> Result<(VehicleCondition, String?), ShowroomError>
    {
        let text = value(.condition)
        var condition: VehicleCondition?
        // A "Type"/"Vehicle Type" column may hold the kind of vehicle (Car, Truck, SUV, Passenger
        // Car) rather than new/used: then it says nothing about condition.
        let vehicleKind = FeedRowValidator.condition(text) == nil && FeedRowValidator.isVehicleKind(text)
        if !text.isEmpty, !vehicleKind {
            guard let c = FeedRowValidator.condition(text) else {
                return .failure(ShowroomError("condition_invalid", "Condition '\(text)' is not new, used or certified pre-owned."))
            }
            condition = c
        }
        if condition == nil, FeedRowValidator.flag(value(.newFlag)) == true { condition = .new }
        if condition == nil, FeedRowValidator.flag(value(.usedFlag)) == true { condition = .used }
        if FeedRowValidator.flag(value(.certified)) == true, condition != .new { condition = .cpo }
        if let condition { return .success((condition, nil)) }
        let inferred: VehicleCondition = mileageKm <= FeedRowValidator.newMileageLimitKm ? .new : .used
        let why = vehicleKind ? "The condition column says '\(text)', a kind of vehicle, not new or used" : "Condition is missing"
        return .success((inferred, "\(why); taken as \(inferred.rawValue) from the mileage (\(mileageKm) km)."))
    }

    /// Whether `text` names a kind of vehicle (a body style, or car / passenger car / automobile
    /// / vehicle / 乘用车) rather than a condition.
    static func isVehicleKind(_ text: String) -> Bool {
        let t = FeedHeaderMap.normalize(text)
        return bodyType(text) != nil || ["car", "cars", "passengercar", "automobile", "auto", "vehicle", "乘用车", "汽车"].contains(t)
    }
}
