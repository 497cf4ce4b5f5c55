import Foundation

/// A lead as ADF 1.0 XML (Auto-lead Data Format), the format dealer CRMs ingest.
///
/// Element order follows the ADF 1.0 DTD: prospect (id*, requestdate, vehicle+, customer,
/// vendor, provider); vehicle (id, year, make, model, vin, stock, trim, odometer, price, comments);
/// customer (contact, id*, timeframe?, comments?).
///
/// The DTD allows no field of its own for a conversation or an appointment, so: the conversation
/// is a second prospect `<id source="Showroom conversation">`; a booked test drive is the
/// customer's `<timeframe>` (earliest = start, latest = end, ISO 8601 with the store's offset)
/// and is also written out in `<comments>` for CRMs that show only comments. The DTD requires a
/// vehicle with year, make and model; a lead with no vehicle of interest says so instead of
/// leaving them blank: make and model "Any" and the vehicle's `<comments>`; the year, which
/// cannot be known, stays an empty element rather than an invented one.
public struct ADFDocument: Sendable {
    /// A booked test drive: its id and its start and end.
    public struct Appointment: Sendable {
        public var id: String
        public var start: Date
        public var end: Date

        public init(id: String, start: Date, end: Date) {
            self.id = id
            self.start = start
            self.end = end
        }
    }

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
    /// The assistant conversation the lead came from, if any.
    public var conversationID: String?
    /// The lead's booked test drive, if any.
    public var appointment: Appointment?

    public init(leadID: String, requestDate: Date, vehicle: Vehicle, customerName: String, phone: String?, email: String?,
                comments: String?, vendorName: String, vendorPhone: String?, timeZone: TimeZone,
                conversationID: String? = nil, appointment: Appointment? = nil) {
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
        self.conversationID = conversationID
        self.appointment = appointment
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
        let general = vehicle.make.trimmed.isEmpty && vehicle.model.trimmed.isEmpty
        var v = "    <vehicle interest=\"\(esc(vehicle.interest))\" status=\"\(vehicle.status == "new" ? "new" : "used")\">\n"
        v += "      <year>\(vehicle.year.map(String.init) ?? "")</year>\n"
        v += "      <make>\(general ? "Any" : esc(vehicle.make))</make>\n"
        v += "      <model>\(general ? "Any" : esc(vehicle.model))</model>\n"
        if let x = vehicle.vin { v += "      <vin>\(esc(x))</vin>\n" }
        if let x = vehicle.stock { v += "      <stock>\(esc(x))</stock>\n" }
        if let x = vehicle.trim, !x.isEmpty { v += "      <trim>\(esc(x))</trim>\n" }
        if let x = vehicle.odometerKm, vehicle.status != "new" { v += "      <odometer status=\"original\" units=\"km\">\(x)</odometer>\n" }
        if let p = vehicle.price {
            v += "      <price type=\"asking\" currency=\"\(p.currency.rawValue)\">\(String(format: "%.2f", p.amount))</price>\n"
        }
        if general { v += "      <comments>No specific vehicle chosen yet</comments>\n" }
        v += "    </vehicle>\n"
        var c = "    <customer>\n      <contact primarycontact=\"1\">\n"
        c += "        <name part=\"full\">\(esc(customerName))</name>\n"
        if let e = email { c += "        <email>\(esc(e))</email>\n" }
        if let p = phone { c += "        <phone type=\"voice\">\(esc(p))</phone>\n" }
        c += "      </contact>\n"
        var notes = [comments?.trimmed].compactMap { $0 }.filter { !$0.isEmpty }
        if let a = appointment {
            c += "      <timeframe>\n        <description>Test drive booked</description>\n"
            c += "        <earliestdate>\(f.string(from: a.start))</earliestdate>\n        <latestdate>\(f.string(from: a.end))</latestdate>\n"
            c += "      </timeframe>\n"
            notes.append("Test drive booked: \(f.string(from: a.start)) to \(f.string(from: a.end)) (appointment \(a.id))")
        }
        if let id = conversationID { notes.append("Showroom conversation \(id)") }
        if !notes.isEmpty { c += "      <comments>\(esc(notes.joined(separator: "\n")))</comments>\n" }
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
            \(conversationID.map { "    <id sequence=\"2\" source=\"Showroom conversation\">\(esc($0))</id>\n" } ?? "")    <requestdate>\(f.string(from: requestDate))</requestdate>

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
