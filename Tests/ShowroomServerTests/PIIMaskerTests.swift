import Logging
import Testing
@testable import ShowroomServer

@Suite struct PIIMaskerTests {
    @Test func phoneNumbersKeepOnlyTheirLastFourDigits() {
        #expect(PIIMasker.mask("call me at +86 138 0013 8000 please") == "call me at ***8000 please")
        #expect(PIIMasker.mask("US: (415) 555-0100.") == "US: ***0100.")
        #expect(PIIMasker.mask("13800138000") == "***8000")
        #expect(PIIMasker.mask("021-64881234 ext") == "***1234 ext")
    }

    @Test func emailsKeepTheFirstLetterAndTheDomain() {
        #expect(PIIMasker.mask("from jane.doe@example.com today") == "from j***@example.com today")
        #expect(PIIMasker.mask("王@dealer.cn") == "王@dealer.cn")  // not an ASCII mailbox: left alone
        #expect(PIIMasker.mask("li.wei+cars@mail.example.co.uk") == "l***@mail.example.co.uk")
    }

    @Test func vinsKeepTheManufacturerPrefixAndTheLastFour() {
        #expect(PIIMasker.mask("unit LRWYGCEK1PC000004 held") == "unit LRW**********0004 held")
        #expect(PIIMasker.maskVIN("LGXCE4CB5N0000001") == "LGX**********0001")
    }

    @Test func ordinaryNumbersDatesAndIdsAreLeftAlone() {
        let line = "turn took 183 ms on 2025-03-14, price 189900 CNY, stock SHT001, id 3f2a9c1e-0b7d-4c55-9a11-5e6f7a8b9c0d"
        #expect(PIIMasker.mask(line) == line)
        #expect(PIIMasker.mask("schema version 1, 12 rows") == "schema version 1, 12 rows")
    }

    @Test func nameKeysKeepTheFirstCharacter() {
        let m = PIIMasker.mask(["name": "Alice Smith", "customer": "张三", "lead_name": "Dan", "store_name": "Pudong"] as Logger.Metadata)
        #expect(m["name"] == "A***")
        #expect(m["customer"] == "张***")
        #expect(m["lead_name"] == "D***")
        #expect(m["store_name"] == "Pudong")
    }

    @Test func customerFreeTextIsNeverLogged() {
        let m = PIIMasker.mask(["text": "I'm Bob, my number is 415 555 0100", "note": "call after 6"] as Logger.Metadata)
        #expect(m["text"] == "[omitted 34 chars]")
        #expect(m["note"] == "[omitted 12 chars]")
    }

    @Test func contactKeysAreMaskedWhateverTheirShape() {
        let m = PIIMasker.mask(["phone": "5550100", "email": "bob@example.org", "vin": "7SAYGDEE1PF000005",
                                "lead_phone": .stringConvertible(8613800138000)] as Logger.Metadata)
        #expect(m["phone"] == "***0100")
        #expect(m["email"] == "b***@example.org")
        #expect(m["vin"] == "7SA**********0005")
        #expect(m["lead_phone"] == "***8000")
    }

    @Test func nestedMetadataIsMaskedToo() {
        let m = PIIMasker.mask(["lead": ["name": "Carol", "contact": ["email": "carol@x.io"]],
                                "items": ["+1 650 555 0199", "ok"]] as Logger.Metadata)
        #expect(m["lead"] == ["name": "C***", "contact": ["email": "c***@x.io"]])
        #expect(m["items"] == ["***0199", "ok"])
    }
}
