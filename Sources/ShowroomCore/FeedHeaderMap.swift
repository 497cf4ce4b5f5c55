import Foundation

/// Maps the header row of a dealer inventory feed to canonical fields.
///
/// Dealer systems name the same column many ways (`VIN`, `Vin Number`, `VIN #`; `Stock #`,
/// `StockNumber`; `Internet Price`, `Selling Price` ...). Headers are compared after lower-casing
/// and dropping everything but letters and digits, so case, spaces, `_`, `-`, `#`, `/` and `.`
/// never matter. When several columns map to one field, the synonym listed first in
/// `Field.synonyms` wins (e.g. `Selling Price` over `List Price`) and the others are reported in
/// `shadowed`. Columns that map to nothing are reported in `unknown` and ignored.
public struct FeedHeaderMap: Sendable, Hashable {
    /// A canonical feed field.
    public enum Field: String, Sendable, Hashable, CaseIterable, Codable {
        case vin, stockNumber = "stock_number", year, make, model, trim, bodyType = "body_type"
        case condition, certified, newFlag = "new", usedFlag = "used"
        case mileage, price, msrp, exteriorColor = "exterior_color", interiorColor = "interior_color"
        case dateInStock = "date_in_stock"

        /// Normalized header spellings, most preferred first.
        public var synonyms: [String] {
            switch self {
            case .vin: return ["vin", "vinnumber", "vinno", "vehicleidentificationnumber", "vehiclevin", "车架号", "vin码"]
            case .stockNumber: return ["stocknumber", "stock", "stockno", "stocknum", "stockid", "stk", "库存编号", "库存号"]
            case .year: return ["year", "modelyear", "yr", "vehicleyear", "年款", "年份"]
            case .make: return ["make", "brand", "manufacturer", "vehiclemake", "品牌"]
            case .model: return ["model", "modelname", "vehiclemodel", "车型", "车系"]
            case .trim: return ["trim", "series", "trimlevel", "style", "配置", "版本"]
            case .bodyType: return ["bodystyle", "body", "bodytype", "车身类型"]
            case .condition: return ["condition", "newused", "type", "vehiclecondition", "vehicletype", "saletype", "车况", "新旧"]
            case .certified: return ["certified", "cpo", "iscertified", "certifiedpreowned", "认证二手车"]
            case .newFlag: return ["new", "isnew"]
            case .usedFlag: return ["used", "isused", "preowned"]
            case .mileage: return ["mileage", "miles", "odometer", "odometerreading", "km", "kilometers",
                                   "kilometres", "mileagekm", "odometerkm", "mileagemiles", "odometermiles",
                                   "里程", "里程公里", "行驶里程"]
            case .price: return ["sellingprice", "internetprice", "saleprice", "price", "askingprice", "ourprice",
                                 "listprice", "售价", "价格"]
            case .msrp: return ["msrp", "sticker", "stickerprice", "retailprice", "指导价", "厂商指导价"]
            case .exteriorColor: return ["exteriorcolor", "extcolor", "exteriorcolour", "extcolour", "color", "colour",
                                         "外观颜色", "颜色"]
            case .interiorColor: return ["interiorcolor", "intcolor", "interiorcolour", "intcolour", "内饰颜色"]
            case .dateInStock: return ["dateinstock", "instockdate", "stockdate", "received", "datereceived",
                                       "receiveddate", "dateadded", "inventorydate", "入库日期"]
            }
        }

        /// Fields a row cannot be imported without (a stock number can be derived from the VIN).
        public static let required: [Field] = [.vin, .year, .make, .model, .price]
    }

    /// The unit a mileage column's header names, when it names one.
    public enum MileageUnit: String, Sendable, Hashable, Codable { case miles, km }

    /// Column index of each mapped field.
    public let columns: [Field: Int]
    /// Headers that map to no field, as written.
    public let unknown: [String]
    /// Headers that map to a field another, preferred column already supplies, as written.
    public let shadowed: [String]
    /// Required fields with no column.
    public let missingRequired: [Field]
    /// `km` or `miles` when the mileage header says so (`Odometer (km)`, `Miles`), else nil.
    public let mileageUnitInHeader: MileageUnit?

    /// Maps a header row.
    public init(header: [String]) {
        let normalized = header.map(FeedHeaderMap.normalize)
        var columns: [Field: Int] = [:]
        var rank: [Field: Int] = [:]
        var unknown: [String] = []
        var shadowed: [String] = []
        for (index, name) in normalized.enumerated() {
            guard let (field, r) = FeedHeaderMap.lookup[name] else {
                if !header[index].trimmingCharacters(in: .whitespaces).isEmpty { unknown.append(header[index]) }
                continue
            }
            if let current = rank[field], current <= r {
                shadowed.append(header[index])
                continue
            }
            if let previous = columns[field] { shadowed.append(header[previous]) }
            columns[field] = index
            rank[field] = r
        }
        self.columns = columns
        self.unknown = unknown
        self.shadowed = shadowed
        self.missingRequired = Field.required.filter { columns[$0] == nil }
        if let m = columns[.mileage] {
            let n = normalized[m]
            if n.hasSuffix("km") || n.hasPrefix("kilomet") || n.contains("公里") {
                mileageUnitInHeader = .km
            } else {
                mileageUnitInHeader = n.hasSuffix("miles") ? .miles : nil
            }
        } else {
            mileageUnitInHeader = nil
        }
    }

    /// The column of a field, if mapped.
    public subscript(field: Field) -> Int? { columns[field] }

    /// An error naming the missing required columns, or nil when all are present.
    public var missingColumnsError: ShowroomError? {
        guard !missingRequired.isEmpty else { return nil }
        let names = missingRequired.map(\.rawValue).joined(separator: ", ")
        return ShowroomError("feed_missing_columns",
            "The feed has no column for: \(names). Recognized header names include e.g. VIN, Year, Make, Model, Price.")
    }

    /// Lower-case letters and digits only (any script): `"VIN #"` → `"vin"`,
    /// `"Date In-Stock"` → `"dateinstock"`, `"里程(公里)"` → `"里程公里"`.
    public static func normalize(_ header: String) -> String {
        if header.utf8.allSatisfy({ $0 < 0x80 }) {  // ASCII: the same result without Unicode tables
            var bytes: [UInt8] = []
            bytes.reserveCapacity(header.utf8.count)
            for b in header.utf8 {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(b + 32)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for s in header.lowercased().unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil {
            out.append(s)
        }
        return String(out)
    }

    private static let lookup: [String: (Field, Int)] = {
        var out: [String: (Field, Int)] = [:]
        for field in Field.allCases {
            for (r, s) in field.synonyms.enumerated() where out[s] == nil { out[s] = (field, r) }
        }
        return out
    }()
}
