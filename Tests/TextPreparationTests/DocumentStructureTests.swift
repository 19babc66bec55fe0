import Corpus
import Testing

@testable import TextPreparation

/// The end-to-end vector of docs/TEXT.md §9.8: three pages with a running header, page
/// numbers, speaker labels, words broken across lines and blank lines, a footnote and its
/// reference, and spaces from the extractor.
struct DocumentStructureTests {
    static let pages = """
        地域活性化シンポジウム記録
        ○西川区長　ＭＡＣＣ（中小企業総合事業団）とともに、平成 16 年から区
        政として小規模事業者の支援を進めてきました※１。
        ●司会　ありがとうございます。
                                                          - 1 -
        \u{0C}地域活性化シンポジウム記録
        ○渡部理事　（ 中小企業総合事業団 ）の立場から申し上げますと、技術の発

        明を地域活性化につなげることが大切です。
        ※１　中小企業総合事業団は平成 16 年に再編された。
                                                          - 2 -
        \u{0C}地域活性化シンポジウム記録
        ●司会　続いて質疑に移ります。　　　　　　　　　　　　　
                                                          - 3 -
        """

    @Test func theReferenceDocumentComesOutAsExpected() throws {
        let document = SourceDocument(
            path: "x.txt", format: .plain, encoding: .utf8, byteCount: 0, sha256: "", text: Self.pages)
        let structure = try DocumentStructure(
            document: document, normalizer: TextNormalizer(), layout: LayoutRepair(lineWidth: 66))
        let summary = structure.paragraphs.map { paragraph -> String in
            let who: String
            switch paragraph.kind {
            case .footnote(let id): who = "footnote \(id)"
            default: who = paragraph.speaker ?? "-"
            }
            return who + ": " + paragraph.sentences.map(\.string).joined(separator: "|")
        }
        #expect(
            summary == [
                "西川区長: MACC（中小企業総合事業団）とともに、平成16年から区政として小規模事業者の支援を進めてきました。",
                "司会: ありがとうございます。",
                "渡部理事: （中小企業総合事業団）の立場から申し上げますと、技術の発明を地域活性化につなげることが大切です。",
                "footnote 1: 中小企業総合事業団は平成16年に再編された。",
                "司会: 続いて質疑に移ります。",
            ])
        // 区⏎政 traces back across the line break, and MACC to its full-width original.
        let original = Array(Self.pages.unicodeScalars)
        let first = structure.paragraphs[0].sentences[0]
        let scalars = first.scalars
        let ku = try #require(scalars.firstIndex(of: "区"))
        let kuSei = first.utf8Range(ofScalars: ku..<(ku + 2))
        #expect(String(String.UnicodeScalarView(original[first.originalRange(of: kuSei)])) == "区\n政")
        #expect(String(String.UnicodeScalarView(original[first.originalRange(of: 0..<4)])) == "ＭＡＣＣ")
    }

    @Test func speakersAndSectionsAreNormalizedInEveryParagraph() throws {
        // Each label is normalized once and reused: every paragraph still gets the normalized form.
        let text = "<H2>ＰＲＭＬ　副読本</H2>\n○ﾆｼｶﾜ区長\n最初の段落です。\n\n次の段落です。\n●司会　はい。\n○ﾆｼｶﾜ区長　三つ目です。"
        let document = SourceDocument(
            path: "x.txt", format: .plain, encoding: .utf8, byteCount: 0, sha256: "", text: text)
        let structure = try DocumentStructure(
            document: document, normalizer: TextNormalizer(), layout: LayoutRepair(lineWidth: 8))
        let body = structure.paragraphs.filter { $0.kind == .body }
        #expect(body.map { $0.speaker ?? "-" } == ["ニシカワ区長", "ニシカワ区長", "司会", "ニシカワ区長"])
        #expect(body.map { $0.turn ?? 0 } == [1, 1, 2, 3])
        #expect(structure.paragraphs.allSatisfy { $0.section == "PRML副読本" })
    }
}
