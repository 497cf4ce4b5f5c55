import Foundation
import ShowroomCore
import ShowroomData

/// Small hand-written inputs for the import tests: VINs with valid check digits, a two-store
/// catalog folder, feeds. Facts here are test fixtures, not product data.
enum ImportFixtures {
    /// A 17-character VIN from 8 leading characters, a year code, a plant code and a serial,
    /// with the check digit position 9 needs.
    static func vin(_ head: String, year: Character = "R", plant: Character = "U", serial: Int) -> String {
        let body = head + "0" + String(year) + String(plant) + String(format: "%06d", serial)
        guard let draft = try? VIN(body) else { return body }
        var chars = Array(body)
        chars[8] = draft.expectedCheckDigit
        return String(chars)
    }

    /// A fresh folder holding stores.yaml, models.yaml and inventory.csv.
    static func catalogFolder(inventory: [String]? = nil, models: String = modelsYAML) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try storesYAML.write(to: dir.appendingPathComponent("stores.yaml"), atomically: true, encoding: .utf8)
        try writeModels(models, to: dir)
        try writeInventory(inventory ?? inventoryLines, to: dir)
        return dir
    }

    static func writeInventory(_ lines: [String], to dir: URL) throws {
        let text = ([inventoryHeader] + lines).joined(separator: "\n") + "\n"
        try text.write(to: dir.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
    }

    static func writeModels(_ yaml: String, to dir: URL) throws {
        try yaml.write(to: dir.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
    }

    static let inventoryHeader =
        "store_id,stock_number,vin,make,model,trim,year,condition,mileage_km,exterior_color,interior_color,list_price,msrp,floor_price,cost,status,date_in_stock"

    static let teslaVIN = vin("5YJ3E1EA", serial: 100_001)
    static let camryVIN = vin("4T1G11AK", serial: 200_002)
    static let usedCamryVIN = vin("4T1G11AK", year: "N", serial: 200_003)
    static let hanVIN = vin("LGXCE4CB", year: "S", plant: "N", serial: 300_004)
    static let hanVIN2 = vin("LGXCE4CB", year: "S", plant: "N", serial: 300_005)

    static let inventoryLines = [
        "sf-fix,SF001,\(teslaVIN),Tesla,Model 3,Long Range AWD,2024,new,0,white,black,47990,47990,46500,43000,available,2026-01-10",
        "sf-fix,SF002,\(camryVIN),Toyota,Camry,SE Hybrid,2024,new,12,red,black,31000,31500,29800,27500,available,2026-01-12",
        "sf-fix,SF003,\(usedCamryVIN),Toyota,Camry,SE Hybrid,2022,used,38000,\"silver, metallic\",gray,23500,,21900,19000,hold,",
        "sh-fix,SH001,\(hanVIN),BYD,Han,EV 605km Honor,2025,new,0,white,brown,209800,209800,199000,185000,available,2026-02-01",
        "sh-fix,SH002,\(hanVIN2),byd,HAN,ev 605KM honor,2025,cpo,15000,black,black,169800,,160000,150000,available,2026-02-03",
    ]

    static let storesYAML = """
        stores:
          - id: sf-fix
            name: Fixture Motors SF
            city: San Francisco
            currency: USD
            locale: en-US
            timezone: America/Los_Angeles
            address: "1 Fixture St"
            phone: "+1 415 000 0000"
            publishable_key: pk_fix_sf
            allowed_origins: ["http://localhost:8080"]
            hours: {mon: "09:00-20:00", tue: "09:00-20:00", wed: "09:00-20:00", thu: "09:00-20:00", fri: "09:00-20:00", sat: "10:00-18:00", sun: closed}
            tax_profile:
              kind: us
              sales_tax_pct: 8.625
              trade_in_credit: true
              fees:
                - {code: dmv, label: "DMV", label_zh: "DMV 注册", amount: 415}
            settings: {assistant_enabled: true, test_drive_minutes: 45}
            promotions:
              - {code: SPRING, title: "Spring event", title_zh: "春季活动", kind: amount, value: 500, automatic: true}
          - id: sh-fix
            name: Fixture Auto Shanghai
            name_zh: 测试汽车上海店
            city: Shanghai
            currency: CNY
            locale: zh-CN
            timezone: Asia/Shanghai
            address: "浦东 1 号"
            phone: "+86 21 0000 0000"
            publishable_key: pk_fix_sh
            hours: {mon: "09:00-21:00", sun: "10:00-18:00"}
            tax_profile:
              kind: cn
              vat_pct: 13
              purchase_tax_pct: 10
              nev_relief: {from: "2026-01-01", to: "2027-12-31", factor: 0.5, cap: 15000}
              fees: []
            promotions:
              - {code: NEV-BONUS, title: "NEV bonus", title_zh: "新能源补贴", kind: amount, value: 5000, powertrain: bev}
              - {code: CPO-5, title: "CPO 5% off", title_zh: "认证二手车九五折", kind: percent, value: 5, condition: cpo}
        """

    static let modelsYAML = """
        makes:
          - make: Tesla
            name_zh: 特斯拉
            aliases: [telsa]
            country: US
            models:
              - model: Model 3
                name_zh: Model 3
                aliases: [model3, m3]
                body_type: sedan
                powertrain: bev
                seats: 5
                trims:
                  - {trim: Long Range AWD, year: 2024, drivetrain: awd, price_usd: 47990, range_km: 549, power_kw: 366, battery_kwh: 82, length_mm: 4720, width_mm: 1848, height_mm: 1441, wheelbase_mm: 2875, accel_0_100_s: 4.4}
          - make: Toyota
            name_zh: 丰田
            models:
              - model: Camry
                name_zh: 凯美瑞
                aliases: [camery]
                body_type: sedan
                powertrain: hev
                seats: 5
                trims:
                  - {trim: SE Hybrid, year: 2025, drivetrain: fwd, price_usd: 31000, fuel_l_100km: 4.9, power_kw: 168}
                  - {trim: SE Hybrid, year: 2022, drivetrain: fwd, price_usd: 29000, fuel_l_100km: 5.2, power_kw: 155}
          - make: BYD
            name_zh: 比亚迪
            aliases: [biyadi]
            models:
              - model: Han
                name_zh: 汉
                aliases: ["Han EV", "汉EV"]
                body_type: sedan
                powertrain: bev
                seats: 5
                trims:
                  - trim: EV 605km Honor
                    year: 2025
                    drivetrain: fwd
                    price_cny: 209800
                    range_km: 605
                    kwh_100km: 13.9
                    power_kw: 180
                    battery_kwh: 85.4
        """

    /// CSV text from rows of fields (quoted where needed) with the given line ending.
    static func csv(_ rows: [[String]], lineEnding: String = "\r\n", bom: Bool = false) -> Data {
        func quote(_ f: String) -> String {
            f.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }
        let text = rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: lineEnding) + lineEnding
        return (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }
}
