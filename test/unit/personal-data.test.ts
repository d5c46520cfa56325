import { expect } from "chai";
import { containsCitizenData, detectPersonalData, detectPersonNames, isValidBsn } from "../../api/src/contract/personal-data";

const kinds = (text: string) => detectPersonalData(text).map(({ kind, match }) => ({ kind, match }));

describe("contract/personal-data", () => {
  describe("BSN", () => {
    it("applies the elfproef", () => {
      expect(isValidBsn("111222333")).to.equal(true);
      expect(isValidBsn("123456782")).to.equal(true);
      expect(isValidBsn("123456789")).to.equal(false);
      expect(isValidBsn("000000000")).to.equal(false);
      expect(isValidBsn("11122233")).to.equal(false);
    });

    it("finds valid BSNs, also with dots or spaces, and ignores invalid ones", () => {
      expect(kinds("BSN: 111222333.")).to.deep.equal([{ kind: "bsn", match: "111222333" }]);
      expect(kinds("bsn 1112.22.333 en 111 222 333")).to.deep.equal([
        { kind: "bsn", match: "1112.22.333" },
        { kind: "bsn", match: "111 222 333" },
      ]);
      expect(kinds("nummer 123456789")).to.deep.equal([]);
      // Nine digits inside a longer number are not a BSN.
      expect(kinds("zaak 1111222333 en 11122233344")).to.deep.equal([]);
    });
  });

  describe("phone numbers", () => {
    const valid = [
      "0612345678",
      "06-12345678",
      "06 12345678",
      "06 1234 5678",
      "+31612345678",
      "+31 6 12345678",
      "+31 (0)6-1234 5678",
      "0031 6 12345678",
      "010-1234567",
      "010 123 45 67",
      "(010) 123 4567",
      "020-1234567",
      "0341-123456",
      "+31 10 123 4567",
    ];
    for (const phone of valid) {
      it(`finds ${phone}`, () => {
        expect(kinds(`bel ${phone} vandaag`)).to.deep.equal([{ kind: "phone", match: phone }]);
      });
    }

    it("does not report a BSN inside an international number", () => {
      // 612345678 would not pass anyway; 111222333 does and must still be read as part of the phone number.
      expect(kinds("+31 111222333")).to.deep.equal([{ kind: "phone", match: "+31 111222333" }]);
    });

    it("ignores service numbers, dates and times", () => {
      expect(kinds("politie 0900-8844 of 0800-1234567")).to.deep.equal([]);
      expect(kinds("op 01-03-2024 10:00 uur")).to.deep.equal([]);
      expect(kinds("op 01-03-2024 10 uur")).to.deep.equal([]);
    });
  });

  describe("e-mail", () => {
    it("finds addresses", () => {
      expect(kinds("mail jan.jansen@politie.nl of x+y@example.co.uk.")).to.deep.equal([
        { kind: "email", match: "jan.jansen@politie.nl" },
        { kind: "email", match: "x+y@example.co.uk" },
      ]);
    });
  });

  it("reports findings in text order with offsets", () => {
    const text = "Melder a@b.nl, tel 06-12345678, BSN 111222333";
    const found = detectPersonalData(text);
    expect(found.map((f) => f.kind)).to.deep.equal(["email", "phone", "bsn"]);
    for (const f of found) expect(text.slice(f.index, f.index + f.match.length)).to.equal(f.match);
  });

  it("has no false positives on ordinary request text", () => {
    const texts = [
      "4 uur op 12 maart",
      "Verzoek NDV-2024-000123 over een overleden kind, 2 collega's nodig om 14:30",
      "Request 20250312-0042: Somali-speaking colleague, estimated 3,5 hours, unit RT, 10 people",
      "Begrafenis op 13-03-2025 om 10.00 uur, ca. 150 bezoekers, postcode 3011 AB",
      "Telefoonnummer RSC staat in de handleiding; bel 112 bij nood",
    ];
    for (const t of texts) {
      expect(detectPersonalData(t), t).to.deep.equal([]);
      expect(containsCitizenData(t), t).to.equal(false);
    }
  });

  describe("citizen data in knowledge notes", () => {
    it("flags names after forms of address", () => {
      const names = (t: string) => detectPersonNames(t).map((f) => f.match);
      expect(names("Gesprek met mevrouw Jansen en dhr. J. van der Berg")).to.deep.equal(["Jansen", "J. van der Berg"]);
      expect(names("De familie El Amrani en fam. Yılmaz")).to.deep.equal(["El Amrani", "Yılmaz"]);
      expect(names("Meneer Bakker, mevr. De Vries, Mr Smith, Mrs O'Brien")).to.deep.equal(["Bakker", "De Vries", "Smith", "O'Brien"]);
    });

    it("does not flag forms of address without a name", () => {
      for (const t of [
        "De familie wil de rituelen respecteren",
        "mevrouw is de weduwe; meneer werkt",
        "Een Somalische familie in Rotterdam",
        "de familie in Den Haag",
      ]) {
        expect(containsCitizenData(t), t).to.equal(false);
      }
    });

    it("flags personal data and names, and passes an anonymised note", () => {
      expect(containsCitizenData("Contact via 06-12345678")).to.equal(true);
      expect(containsCitizenData("Familie Warsame wilde een imam bij het gesprek")).to.equal(true);
      expect(
        containsCitizenData(
          "Bij een overlijden in een Somalische familie: leg de sectie vroeg uit, betrek een imam en houd rekening met een snelle begrafenis.",
        ),
      ).to.equal(false);
    });
  });
});
