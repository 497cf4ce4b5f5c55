import Foundation

/// A lead as ADF 1.0 XML (Auto-lead Data Format), the format dealer CRMs ingest.
///
/// Element order follows the ADF 1.0 DTD: prospect (id, requestdate, vehicle+, customer,
/// vendor, provider); vehicle (id, year, make, model, vin, stock, trim, odometer, price).
public struct ADFDocument: Sendable {
    public struct Vehicle: Sendable {
        public var interest: String
        public var status: String
        public var year: Int?
        public var make: String
        public var model: String
        public var vin: String?
        public var stock: String?
        public var trim: String?
        public var odometerKm: Int?
        public var price: Money?

        public init(interest: String, status: String, year: Int?, make: String, model: String, vin: String? = nil,
                    stock: String? = nil, trim: String? = nil, odometerKm: Int? = nil, price: Money? = nil) {
            self.interest = interest
            self.status = status
            self.year = year
            self.make = make
            self.model = model
            self.vin = vin
            self.stock = stock
            self.trim = trim
            self.odometerKm = odometerKm
            self.price = price
        }
    }

    public var leadID: String
    public var requestDate: Date
    public var vehicle: Vehicle
    public var customerName: String
    public var phone: String?
    public var email: String?
    public var comments: String?
    public var vendorName: String
    public var vendorPhone: String?
    public var timeZone: TimeZone

    public init(leadID: String, requestDate: Date, vehicle: Vehicle, customerName: String, phone: String?, email: String?,
                comments: String?, vendorName: String, vendorPhone: String?, timeZone: TimeZone) {
        self.leadID = leadID
        self.requestDate = requestDate
        self.vehicle = vehicle
        self.customerName = customerName
        self.phone = phone
        self.email = email
        self.comments = comments
        self.vendorName = vendorName
        self.vendorPhone = vendorPhone
        self.timeZone = timeZone
    }

    /// ADF interest for a conversation's intent (`buy`, `lease`, `trade-in`, `test-drive`).
    public static func interest(for intent: Intent?, lease: Bool = false) -> String {
        switch intent {
        case .testDrive: "test-drive"
        case .tradeIn: "trade-in"
        case .financing: lease ? "lease" : "buy"
        default: "buy"
        }
    }

    public var xml: String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = [.withInternetDateTime]
        var v = "    <vehicle interest=\"\(esc(vehicle.interest))\" status=\"\(vehicle.status == "new" ? "new" : "used")\">\n"
        v += "      <year>\(vehicle.year.map(String.init) ?? "")</year>\n"
        v += "      <make>\(esc(vehicle.make))</make>\n"
        v += "      <model>\(esc(vehicle.model))</model>\n"
        if let x = vehicle.vin { v += "      <vin>\(esc(x))</vin>\n" }
        if let x = vehicle.stock { v += "      <stock>\(esc(x))</stock>\n" }
        if let x = vehicle.trim, !x.isEmpty { v += "      <trim>\(esc(x))</trim>\n" }
        if let x = vehicle.odometerKm, vehicle.status != "new" { v += "      <odometer status=\"original\" units=\"km\">\(x)</odometer>\n" }
        if let p = vehicle.price {
            v += "      <price type=\"asking\" currency=\"\(p.currency.rawValue)\">\(String(format: "%.2f", p.amount))</price>\n"
        }
        v += "    </vehicle>\n"
        var c = "    <customer>\n      <contact primarycontact=\"1\">\n"
        c += "        <name part=\"full\">\(esc(customerName))</name>\n"
        if let e = email { c += "        <email>\(esc(e))</email>\n" }
        if let p = phone { c += "        <phone type=\"voice\">\(esc(p))</phone>\n" }
        c += "      </contact>\n"
        if let m = comments, !m.isEmpty { c += "      <comments>\(esc(m))</comments>\n" }
        c += "    </customer>\n"
        var vendor = "    <vendor>\n      <vendorname>\(esc(vendorName))</vendorname>\n      <contact>\n"
        vendor += "        <name part=\"full\">\(esc(vendorName))</name>\n"
        if let p = vendorPhone { vendor += "        <phone type=\"voice\">\(esc(p))</phone>\n" }
        vendor += "      </contact>\n    </vendor>\n"
        let provider = "    <provider>\n      <name part=\"full\">Showroom</name>\n      <service>Showroom AI sales assistant</service>\n    </provider>\n"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <?adf version="1.0"?>
            <adf>
              <prospect status="new">
                <id sequence="1" source="Showroom">\(esc(leadID))</id>
                <requestdate>\(f.string(from: requestDate))</requestdate>

            """ + v + c + vendor + provider + "  </prospect>\n</adf>\n"
    }

    private func esc(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
