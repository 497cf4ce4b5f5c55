import Testing
@testable import ShowroomCore

@Suite struct FeedHeaderMapTests {
    typealias Field = FeedHeaderMap.Field

    @Test(arguments: [
        ("VIN", Field.vin), ("vin", .vin), ("Vin Number", .vin), ("VIN #", .vin), ("车架号", .vin),
        ("Stock", .stockNumber), ("Stock #", .stockNumber), ("StockNumber", .stockNumber), ("Stock No", .stockNumber),
        ("stock_number", .stockNumber), ("Year", .year), ("Model Year", .year), ("ModelYear", .year),
        ("Make", .make), ("Model", .model), ("Trim", .trim), ("Series", .trim),
        ("Body", .bodyType), ("Body Style", .bodyType), ("BodyType", .bodyType),
        ("Condition", .condition), ("New/Used", .condition), ("Type", .condition),
        ("Certified", .certified), ("CPO", .certified), ("New", .newFlag), ("Used", .usedFlag),
        ("Mileage", .mileage), ("Miles", .mileage), ("Odometer", .mileage), ("Odometer (km)", .mileage),
        ("Price", .price), ("Selling Price", .price), ("Internet Price", .price), ("List Price", .price),
        ("MSRP", .msrp), ("Sticker", .msrp), ("Exterior Color", .exteriorColor), ("Ext. Color", .exteriorColor),
        ("Color", .exteriorColor), ("Interior Color", .interiorColor), ("Int Color", .interiorColor),
        ("Date in stock", .dateInStock), ("DateInStock", .dateInStock), ("Received", .dateInStock),
        ("Stock Date", .dateInStock), ("In Stock Date", .dateInStock), ("里程（公里）", .mileage),
    ])
    func mapsCommonHeaderSpellings(header: String, field: Field) {
        let map = FeedHeaderMap(header: ["unrelated", header])
        #expect(map[field] == 1, "\(header)")
        #expect(map.unknown == ["unrelated"])
    }

    @Test func ignoresCaseSpacesAndPunctuation() {
        #expect(FeedHeaderMap.normalize("  Vin_Number ") == "vinnumber")
        #expect(FeedHeaderMap.normalize("DATE-IN-STOCK") == "dateinstock")
        #expect(FeedHeaderMap.normalize("里程(公里) Km") == "里程公里km")
        #expect(FeedHeaderMap.normalize("Ｐｒｉｃｅ") == "ｐｒｉｃｅ")  // full-width letters are letters too
        #expect(FeedHeaderMap(header: ["vIN", "STOCK #"]).columns == [.vin: 0, .stockNumber: 1])
    }

    @Test func reportsMissingRequiredColumns() throws {
        let map = FeedHeaderMap(header: ["VIN", "Stock", "Make", "Odometer"])
        #expect(map.missingRequired == [.year, .model, .price])
        let error = try #require(map.missingColumnsError)
        #expect(error.code == "feed_missing_columns")
        #expect(error.message.contains("year, model, price"))
        #expect(FeedHeaderMap(header: ["VIN", "Year", "Make", "Model", "Price"]).missingColumnsError == nil)
    }

    @Test func prefersTheSellingPriceAndReportsTheShadowedColumn() {
        let map = FeedHeaderMap(header: ["List Price", "VIN", "Internet Price", "Selling Price"])
        #expect(map[.price] == 3)
        #expect(Set(map.shadowed) == ["List Price", "Internet Price"])
    }

    @Test func readsTheMileageUnitFromTheHeaderWhenItNamesOne() {
        #expect(FeedHeaderMap(header: ["Odometer (km)"]).mileageUnitInHeader == .km)
        #expect(FeedHeaderMap(header: ["Kilometers"]).mileageUnitInHeader == .km)
        #expect(FeedHeaderMap(header: ["Miles"]).mileageUnitInHeader == .miles)
        #expect(FeedHeaderMap(header: ["Mileage"]).mileageUnitInHeader == nil)
        #expect(FeedHeaderMap(header: ["Odometer"]).mileageUnitInHeader == nil)
    }
}
