import ShowroomCore
import Testing

@Suite struct VehicleNameTests {
    @Test func chineseNamesWriteTheBrandOnceWhenTheModelNameAlreadyHasIt() {
        #expect(VehicleName.compose(make: "XPeng", model: "G6", makeZh: "小鹏", modelZh: "小鹏G6", language: .zh) == "小鹏G6")
        #expect(VehicleName.title(year: 2026, make: "Hyptec", model: "SSR", makeZh: "昊铂", modelZh: "昊铂SSR", trim: "SSR",
                                  language: .zh) == "2026 昊铂SSR SSR")
        // A Chinese model name that starts with the English brand (AION Y) keeps it as is.
        #expect(VehicleName.compose(make: "Aion", model: "Y", makeZh: "埃安", modelZh: "AION Y", language: .zh) == "AION Y")
    }

    @Test func chineseNamesPutTheBrandBeforeAModelNameWithoutIt() {
        #expect(VehicleName.compose(make: "BYD", model: "Song L", makeZh: "比亚迪", modelZh: "宋L", language: .zh) == "比亚迪宋L")
        #expect(VehicleName.compose(make: "Tesla", model: "Model Y", makeZh: "特斯拉", modelZh: nil, language: .zh) == "特斯拉Model Y")
        #expect(VehicleName.compose(make: "Rivian", model: "R1S", makeZh: nil, modelZh: nil, language: .zh) == "Rivian R1S")
    }

    @Test func englishNamesIgnoreTheChineseOnes() {
        #expect(VehicleName.title(year: 2025, make: "XPeng", model: "G6", makeZh: "小鹏", modelZh: "小鹏G6", trim: "",
                                  language: .en) == "2025 XPeng G6")
    }
}
