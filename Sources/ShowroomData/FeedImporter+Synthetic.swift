import Foundation
import ShowroomCore

extension FeedImporter {
    /// A dealer feed of `rows` distinct units of one model, for timing imports (BENCHMARKS.md):
    /// VINs with the WMI `4T1` and valid check digits, stock numbers `B000001`…, mileage in
    /// miles, prices that vary by row. `serialOffset` shifts the VIN serials so several feeds
    /// can target one store without sharing VINs.
    public static func syntheticFeed(rows: Int, make: String = "Toyota", model: String = "Camry",
                                     trim: String = "SE Hybrid", year: Int = 2024, serialOffset: Int = 0) -> Data {
        var text = "VIN,Stock,Year,Make,Model,Trim,Condition,Mileage,Price,Exterior Color\r\n"
        text.reserveCapacity(rows * 80)
        for i in 0..<rows {
            let serial = serialOffset + i + 1
            var chars = Array("4T1G11AK0RU" + String(format: "%06d", serial % 1_000_000))
            if let draft = try? VIN(String(chars)) { chars[8] = draft.expectedCheckDigit }
            text += "\(String(chars)),B\(String(format: "%06d", serial)),\(year),\(make),\(model),\(trim),used,"
            text += "\(1_000 + serial % 90_000),\(20_000 + serial % 7_919),white\r\n"
        }
        return Data(text.utf8)
    }
}
