import Testing
@testable import ShowroomAgents

@Suite struct StaffAskTests {
    @Test func floorPriceAndMarginQuestionsNameTheUnit() {
        #expect(StaffAsk.parse("floor price for SH24034", stock: nil) == .floorPrice(stock: "SH24034"))
        #expect(StaffAsk.parse("what's our margin on sf24001?", stock: nil) == .floorPrice(stock: "SF24001"))
        #expect(StaffAsk.parse("这台车底价多少", stock: nil) == .floorPrice(stock: nil))
        #expect(StaffAsk.parse("SH24034 的成本", stock: "SH24034") == .floorPrice(stock: "SH24034"))
    }

    @Test func leadLookupsReadANameAPhoneOrAStatus() {
        #expect(StaffAsk.parse("查一下王先生的线索", stock: nil) == .leads(query: "王", status: nil))
        #expect(StaffAsk.parse("查一下王小明的线索", stock: nil) == .leads(query: "王小明", status: nil))
        #expect(StaffAsk.parse("find leads for Bob Lee", stock: nil) == .leads(query: "Bob Lee", status: nil))
        #expect(StaffAsk.parse("leads from 415-555-0123", stock: nil) == .leads(query: "4155550123", status: nil))
        #expect(StaffAsk.parse("show new leads", stock: nil) == .leads(query: nil, status: "new"))
    }

    @Test func ordinaryQuestionsAreNotStaffRequests() {
        #expect(StaffAsk.parse("price of SHT001?", stock: nil) == nil)
        #expect(StaffAsk.parse("find me an SUV", stock: nil) == nil)
        #expect(StaffAsk.parse("how much does it cost", stock: nil) == nil)
    }
}
