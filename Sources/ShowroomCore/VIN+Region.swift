extension VIN {
    /// Where a vehicle was made, from the first characters of the WMI (ISO 3780 / SAE ranges).
    public enum Region: String, Sendable, Codable, Hashable, CaseIterable {
        case northAmerica = "north_america"
        case southAmerica = "south_america"
        case europe
        case japan
        case korea
        case china
        case otherAsia = "other_asia"
        case oceania
        case africa
    }

    /// The region of manufacture: 1-5 and 7F-70 North America; 6 and 7A-7E Oceania; 8-9 South
    /// America; A-H Africa; J Japan; K Korea (KL-KR; KA-KK are Sri Lanka and Israel and count
    /// as other Asia); L China; M-R other Asia; S-Z Europe.
    public var region: Region {
        let first = rawValue.first!
        let second = rawValue[rawValue.index(after: rawValue.startIndex)]
        switch first {
        case "1", "2", "3", "4", "5": return .northAmerica
        case "6": return .oceania
        case "7": return VIN.inRange(second, "A", "E") ? .oceania : .northAmerica
        case "8", "9": return .southAmerica
        case "A"..."H": return .africa
        case "J": return .japan
        case "K": return VIN.inRange(second, "L", "R") ? .korea : .otherAsia
        case "L": return .china
        case "M"..."R": return .otherAsia
        default: return .europe
        }
    }

    /// ISO 3166 country code of the maker for the common WMI ranges (US, CA, MX, JP, KR, CN,
    /// DE, GB, FR, IT, ES, SE), nil where the table does not say.
    public var countryCode: String? {
        let first = rawValue.first!
        let second = rawValue[rawValue.index(after: rawValue.startIndex)]
        switch first {
        case "1", "4", "5": return "US"
        case "7": return VIN.inRange(second, "F", "0") ? "US" : nil
        case "2": return "CA"
        case "3": return VIN.inRange(second, "A", "W") ? "MX" : nil
        case "J": return "JP"
        case "K": return VIN.inRange(second, "L", "R") ? "KR" : nil
        case "L": return "CN"
        case "W": return "DE"
        case "S": return VIN.inRange(second, "A", "M") ? "GB" : (VIN.inRange(second, "N", "T") ? "DE" : nil)
        case "V": return VIN.inRange(second, "F", "R") ? "FR" : (VIN.inRange(second, "S", "W") ? "ES" : nil)
        case "Z": return VIN.inRange(second, "A", "R") ? "IT" : nil
        case "Y": return VIN.inRange(second, "S", "W") ? "SE" : nil
        default: return nil
        }
    }

    /// WMI ranges run in this order: letters (no I, O, Q), then 1-9, then 0.
    static let rangeOrder: [Character] = Array("ABCDEFGHJKLMNPRSTUVWXYZ1234567890")

    static func inRange(_ c: Character, _ low: Character, _ high: Character) -> Bool {
        guard let i = rangeOrder.firstIndex(of: c), let lo = rangeOrder.firstIndex(of: low),
            let hi = rangeOrder.firstIndex(of: high)
        else { return false }
        return (lo...hi).contains(i)
    }
}

extension VIN {
    /// Position-10 model-year codes in order from 1980 (A) to 2009 (9); the cycle repeats every
    /// 30 years (A is also 2010 and 2040). U, Z and 0 are never used, nor I, O, Q.
    static let yearCodes: [Character] = Array("ABCDEFGHJKLMNPRSTVWXY123456789")

    /// The character in position 10.
    public var modelYearCode: Character { rawValue[rawValue.index(rawValue.startIndex, offsetBy: 9)] }

    /// Every model year position 10 can mean between 1980 and 2069 (three, 30 years apart), or
    /// empty when position 10 is not a year code.
    public var modelYearCandidates: [Int] {
        guard let i = VIN.yearCodes.firstIndex(of: modelYearCode) else { return [] }
        return [1980 + i, 2010 + i, 2040 + i]
    }

    /// The model year under the North-American convention for cars, MPVs and light trucks: a
    /// digit in position 7 means 1980-2009, a letter means 2010-2039. Vehicles made for other
    /// markets need not follow it, so treat a mismatch there as a hint, not an error.
    public var modelYear: Int? {
        let candidates = modelYearCandidates
        guard !candidates.isEmpty else { return nil }
        let seventh = rawValue[rawValue.index(rawValue.startIndex, offsetBy: 6)]
        return seventh.isNumber ? candidates[0] : candidates[1]
    }
}
