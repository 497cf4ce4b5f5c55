import Foundation
import Testing
@testable import ShowroomCore

/// `../shared/data/<name>` next to the repository, when present (real data sets are not in the
/// repo; tests that need them are skipped, never passed, without them).
enum SharedData {
    static func url(_ name: String) -> URL? {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/data/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// Rows of a CSV in the folder as dictionaries keyed by header.
    static func rows(_ folder: String, _ file: String) throws -> [[String: String]] {
        let fileURL = try #require(SharedData.url(folder)).appendingPathComponent(file)
        let records = CSVParser.records(in: try Data(contentsOf: fileURL))
        let header = try #require(records.first).fields
        return records.dropFirst().map { r in Dictionary(uniqueKeysWithValues: zip(header, r.fields)) }
    }
}

@Suite struct VINTests {
    @Test func computesTheCheckDigitOfThe49CFR565Example() throws {
        let vin = try VIN("1M8GDM9AXKP042788")
        #expect(vin.expectedCheckDigit == "X")
        #expect(vin.hasValidCheckDigit)
    }

    @Test func normalizesCaseAndSurroundingSpaceButNothingElse() throws {
        #expect(try VIN("  1hgcm82633a004352 ").rawValue == "1HGCM82633A004352")
        #expect(throws: ShowroomError.self) { try VIN("1HGCM8263 3A004352") }
    }

    @Test func theByteTableIsTheVINAlphabet() {
        for b in UInt8(0)...UInt8(127) {
            #expect(VIN.isAlphabetByte(b) == VIN.alphabet.contains(Character(UnicodeScalar(b))), "byte \(b)")
        }
    }

    @Test func rejectsWrongLengthWithItsOwnCode() {
        for text in ["", "1HGCM82633A00435", "1HGCM82633A0043521"] {
            #expect(throws: ShowroomError("vin_length", "VIN '\(text)' has \(text.count) characters; a VIN has 17.")) {
                try VIN(text)
            }
        }
    }

    @Test func rejectsLettersOutsideTheVINAlphabet() {
        for text in ["1HGCM82633A00435O", "IHGCM82633A004352", "1HGCM82633A00435Q", "1HGCM82633A00435-"] {
            do {
                _ = try VIN(text)
                Issue.record("\(text) accepted")
            } catch {
                #expect(error.code == "vin_characters")
            }
        }
    }

    @Test func aWrongCheckDigitIsAnErrorForNorthAmericanVINs() throws {
        #expect(VIN.check("1HGCM82633A004352") == .valid(try VIN("1HGCM82633A004352")))
        guard case .invalid(let e) = VIN.check("1HGCM82643A004352") else {
            Issue.record("accepted a US VIN with a wrong check digit")
            return
        }
        #expect(e.code == "vin_check_digit")
        #expect(e.message.contains("imply 3"))
    }

    @Test func aWrongCheckDigitIsOnlyAWarningForVINsMadeElsewhere() throws {
        // Position 9 of a European VIN often holds a filler, not a check digit.
        guard case .warning(let vin, let w) = VIN.check("WVWZZZ1JZXW000001") else {
            Issue.record("a German VIN with a wrong check digit was not a warning")
            return
        }
        #expect(vin.region == .europe)
        #expect(!vin.checkDigitApplies)
        #expect(w.code == "vin_check_digit")
    }

    @Test func aWrongCheckDigitIsAnErrorForChineseVINsUnderGB16735() throws {
        // A demo-catalog BYD Song L VIN (catalog/inventory.csv); the audit changed its X to 1.
        #expect(VIN.check("LC09L2DEXTX487757") == .valid(try VIN("LC09L2DEXTX487757")))
        guard case .invalid(let e) = VIN.check("LC09L2DE1TX487757") else {
            Issue.record("accepted a Chinese VIN with a wrong check digit")
            return
        }
        #expect(e.message == "VIN LC09L2DE1TX487757 has check digit 1 in position 9; its other characters imply X.")
    }

    @Test func requiringTheCheckDigitMakesItAnErrorInEveryMarket() throws {
        guard case .invalid(let e) = VIN.check("WVWZZZ1JZXW000001", requireCheckDigit: true) else {
            Issue.record("a required check digit was only a warning")
            return
        }
        #expect(e.code == "vin_check_digit")
        #expect(VIN.check("KMTGA4SCDRU227656", requireCheckDigit: false).vin != nil)  // an NHTSA exception, Korea
    }

    @Test(arguments: [
        ("1HGCM82633A004352", VIN.Region.northAmerica, "US"), ("2HGFC2F59JH000001", .northAmerica, "CA"),
        ("3VWFE21C04M000001", .northAmerica, "MX"), ("7SAYGDEE1PF000005", .northAmerica, "US"),
        ("JHMCM56557C000001", .japan, "JP"), ("KMHD84LF5JU000001", .korea, "KR"),
        ("LGXCE4CB5N0000001", .china, "CN"), ("WBA8E9G50GNU00001", .europe, "DE"),
        ("SALGS2SV9KA000001", .europe, "GB"), ("VF1RFB00X56000001", .europe, "FR"),
        ("ZFA31200000000001", .europe, "IT"), ("YV1MS382X52000001", .europe, "SE"),
        ("6FPAAAJGSW9000001", .oceania, nil), ("7A8GH2X1050000001", .oceania, nil),
        ("9BWZZZ377VT000001", .southAmerica, nil), ("MA3FB32S700000001", .otherAsia, nil),
        ("KF1SH7A1000000001", .otherAsia, nil), ("AAVZZZ6RZ9U000001", .africa, nil),
    ] as [(String, VIN.Region, String?)])
    func regionComesFromTheWorldManufacturerIdentifier(text: String, region: VIN.Region, country: String?) throws {
        let vin = try VIN(text)
        #expect(vin.region == region)
        #expect(vin.countryCode == country)
        #expect(vin.checkDigitApplies == (region == .northAmerica || region == .china))
    }

    @Test func modelYearFollowsPosition10AndThePosition7Convention() throws {
        let old = try VIN("1HGCM82633A004352")  // position 7 digit, position 10 '3'
        #expect(old.modelYearCandidates == [2003, 2033, 2063])
        #expect(old.modelYear == 2003)
        let recent = try VIN("5YJ3E1EA7PF000001")  // position 7 letter, position 10 'P'
        #expect(recent.modelYearCandidates == [1993, 2023, 2053])
        #expect(recent.modelYear == 2023)
        #expect(try VIN("1HGCM8263UA004352").modelYearCandidates.isEmpty)  // 'U' is never a year code
    }

    @Test func roundTripsThroughJSONAndRefusesInvalidText() throws {
        let vin = try VIN("1HGCM82633A004352")
        let data = try JSONEncoder().encode([vin])
        #expect(String(decoding: data, as: UTF8.self) == #"["1HGCM82633A004352"]"#)
        #expect(try JSONDecoder().decode([VIN].self, from: data) == [vin])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([VIN].self, from: Data(#"["ABC"]"#.utf8)) }
    }
}

@Suite(.enabled(if: SharedData.url("vin-decode-vectors") != nil, "needs ../shared/data/vin-decode-vectors"))
struct VINRealDataTests {
    @Test(arguments: ["corgi_real_vins.csv", "vinpy_real_vins.csv", "vinpy_vpic_pattern_vins.csv"])
    func realVINsParseWithTheirPublishedCheckDigitAndModelYear(file: String) throws {
        let rows = try SharedData.rows("vin-decode-vectors", file)
        #expect(rows.count > 50)
        for row in rows {
            let text = try #require(row["vin"])
            let vin = try VIN(text)
            #expect(vin.hasValidCheckDigit == (row["check_digit_valid"] == "true"), "\(text)")
            #expect(vin.modelYear == Int(row["model_year"] ?? ""), "\(text)")
            if vin.hasValidCheckDigit { #expect(VIN.check(text) == .valid(vin)) }
        }
    }

    @Test func genuineVINsWithAWrongCheckDigitAreKeptWithAWarning() throws {
        let rows = try SharedData.rows("vin-decode-vectors", "vinpy_check_digit_exceptions.csv")
        #expect(!rows.isEmpty)
        for row in rows {
            let text = try #require(row["vin"])
            let vin = try VIN(text)
            #expect(row["check_digit_valid"] == "false")
            #expect(!vin.hasValidCheckDigit, "\(text)")
            #expect(vin.region == .korea)
            #expect(vin.modelYear == Int(row["model_year"] ?? ""))
            guard case .warning(let kept, let w) = VIN.check(text) else {
                Issue.record("\(text) was not kept with a warning")
                continue
            }
            #expect(kept == vin)
            #expect(w.code == "vin_check_digit")
        }
    }

    @Test func everyNorthAmericanVINInTheRealSetsCarriesAValidCheckDigit() throws {
        var northAmerican = 0
        for file in ["corgi_real_vins.csv", "vinpy_real_vins.csv"] {
            for row in try SharedData.rows("vin-decode-vectors", file) {
                let vin = try VIN(try #require(row["vin"]))
                guard vin.checkDigitApplies else { continue }
                northAmerican += 1
                #expect(vin.hasValidCheckDigit, "\(vin)")
            }
        }
        #expect(northAmerican > 100)
    }
}
