import Analysis
import Foundation
import Testing
import TestSupport

@testable import Pipeline

/// The partial format (`PartialFile`, `PartialRecord`, `PartialMerge`): round trips, the reduce an
/// engine does (written here independently: split at the TAB, add the values of equal keys
/// column by column), and the checks against every cut, dropped line and changed digit.
struct PartialFileTests {
    static let header = PartialFile.Header(
        analysis: "a1b2", themes: [.init(name: "活性化", forms: ["活性化"]), .init(name: "支援", forms: ["支援"])],
        groupBy: "speaker", unit: .sentence, window: 5, words: ["支援"])

    /// Counts of two documents with every kind of record, built through the restore API.
    static func counts(_ path: String, scale: Int = 1) -> CorpusCounts {
        var counts = header.emptyCounts()
        counts.countPairs(.units)
        let region = Term(text: "地域", partOfSpeech: "名詞"), boost = Term(text: "活性 化", partOfSpeech: "サ変名詞")
        let odd = Term(text: "a\\b\tc", partOfSpeech: "名詞-特殊 x"), empty = Term(text: "macc", partOfSpeech: "未知語")
        counts.addTerm(region, frequency: 3 * scale, documents: 1, sentences: 2, units: 2, forms: [:])
        counts.addTerm(boost, frequency: 2 * scale, documents: 1, sentences: 2, units: 2, forms: [:])
        counts.addTerm(odd, frequency: 1, documents: 1, sentences: 1, units: 1, forms: [:])
        counts.addTerm(empty, frequency: 2, documents: 1, sentences: 1, units: 1, forms: ["MACC": 1, "Macc": 1])
        counts.addUnit([boost, region], times: 2 * scale)
        counts.addUnit([odd, region, boost], times: 1)
        counts.addGroupTerm(region, group: "", count: 2)
        counts.addGroupTerm(boost, group: "司会 A", count: 1)
        counts.addGroupTotal(group: "", count: 5)
        counts.addGroupSentences(group: "", sentences: 3, themeSentences: [1, 0])
        counts.addGroupSentences(group: "司会 A", sentences: 1, themeSentences: [0, 1])
        counts.addCompound(["地域", "活性"], count: 2)
        counts.addThemeTerm(1, region, sentences: 1)
        counts.addThemePair(0, 1, sentences: 1)
        counts.addCollocates(word: 0, term: region, left: [1, 0, 0, 0, 0], right: [0, 0, 2, 0, 0])
        var summary = DocumentSummary(
            path: path, byteCount: 10, sha256: "00", characterCount: 5, paragraphCount: 1, tokenCount: 9)
        summary.themeOccurrences = [1, 1]
        summary.themeSentences = [1, 1]
        summary.terms = [TermCount(term: region, count: 3), TermCount(term: odd, count: 1)]
        counts.addSummary(summary)
        var row = DocumentSummary(record: 2, path: path, byteCount: 1, sha256: "11", characterCount: 1, paragraphCount: 1, tokenCount: 1)
        row.themeOccurrences = [0, 0]
        row.themeSentences = [0, 0]
        counts.addSummary(row)
        counts.addTotals(
            .init(
                documents: 2, sentences: 3, units: 3, paragraphs: 2, tokens: 10, termTokens: 8, themeOccurrences: [1, 1],
                themeSentences: [1, 1], themeDocuments: [1, 1], wordOccurrences: [1]))
        return counts
    }

    static func partial(_ path: String, scale: Int = 1) throws -> [UInt8] {
        let input = InputRecord(path: path, bytes: 10, sha256: "00", encoding: "UTF-8", format: "plain", documents: 2)
        return try PartialFile.bytes(header: header, partials: 1, shards: [:], inputs: [input], counts: counts(path, scale: scale))
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The reduce an engine does, on the text.
    static func reduceByKey(_ lines: [String]) -> [String] {
        var sums: [String: [Int]] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let values = parts[1].split(separator: " ").map { Int($0)! }
            sums[parts[0]] = sums[parts[0]].map { zip($0, values).map(+) } ?? values
        }
        return sums.map { "\($0.key)\t" + $0.value.map(String.init).joined(separator: " ") }
    }

    static func merged(_ sources: [[UInt8]]) throws -> [UInt8] {
        let merged = try PartialMerge.merge(sources.enumerated().map { .bytes(name: "p\($0.offset)", $0.element) }, pairTerms: nil)
        return try PartialFile.bytes(
            header: merged.header, partials: merged.partials, shards: merged.shards, inputs: merged.inputs, counts: merged.counts)
    }

    @Test func aPartialReadBackIsWrittenTheSame() throws {
        let bytes = try Self.partial("a.txt")
        #expect(try Self.merged([bytes]) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        // Fields escaped: a space, a backslash, a TAB; the empty group; a part of speech that is no category.
        #expect(text.contains("t a\\\\b\\tc =名詞-特殊\\sx\t1 1 1 1\n"))
        #expect(text.contains("g \\- 地域 L\t2\n"))
        #expect(text.contains("f macc N MACC\t1\n"))
        #expect(text.contains("T\t2 3 3 2 10 8 1 1 1 1 1 1 1\n"))
    }

    @Test func unitsBecomePairsAtTheFinalMergeAmongThePairVocabulary() throws {
        let a = try Self.partial("a.txt"), b = try Self.partial("b.txt", scale: 3)
        // Units: {活性 化, 地域} 2 + 6 times, {a\b c, 地域, 活性 化} 1 + 1 time.
        let region = Term(text: "地域", partOfSpeech: "名詞"), boost = Term(text: "活性 化", partOfSpeech: "サ変名詞")
        let odd = Term(text: "a\\b\tc", partOfSpeech: "名詞-特殊 x")
        let all = try PartialMerge.merge([.bytes(name: "a", a), .bytes(name: "b", b)], pairTerms: 10).counts
        func count(_ x: Term, _ y: Term, in counts: CorpusCounts) -> Int {
            counts.pairUnits[CorpusCounts.PairKey(counts.id(of: x)!, counts.id(of: y)!)]
        }
        #expect(count(region, boost, in: all) == 10)
        #expect(count(odd, region, in: all) == 2 && count(odd, boost, in: all) == 2)
        // Among the two most frequent terms (地域 3 + 9, 活性 化 2 + 6), only their pair is counted.
        let two = try PartialMerge.merge([.bytes(name: "a", a), .bytes(name: "b", b)], pairTerms: 2).counts
        #expect(count(region, boost, in: two) == 10 && two.pairUnits.count == 1)
    }

    @Test func reducedSortedOrShuffledLinesMergeAsTheWholePartialsDo() throws {
        let a = try Self.partial("a.txt"), b = try Self.partial("b.txt", scale: 3)
        let expected = try Self.merged([a, b])
        let all = Self.lines(a) + Self.lines(b)
        let reduced = Self.reduceByKey(all)
        let join = { (lines: [String]) in Array((lines.joined(separator: "\n") + "\n").utf8) }
        #expect(try Self.merged([join(reduced)]) == expected)
        #expect(try Self.merged([join(all.sorted())]) == expected)
        var random = SplitMix(state: 16)
        let shuffled = reduced.shuffled(using: &random)
        // Split over three files, as a reduce writes part-00000 …
        let third = shuffled.count / 3
        #expect(
            try Self.merged([join(Array(shuffled[..<third])), join(Array(shuffled[third..<(2 * third)])), join(Array(shuffled[(2 * third)...]))])
                == expected)
        // A combiner's partial (merge --partial) of a, merged with b.
        #expect(try Self.merged([Self.merged([a]), b]) == expected)
    }

    @Test func everyCutDroppedLineOrChangedDigitIsRefused() throws {
        let lines = Self.lines(try Self.partial("a.txt"))
        func refused(_ lines: [String], _ what: String) {
            let bytes = Array((lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n").utf8)
            do {
                _ = try PartialMerge.merge([.bytes(name: "x", bytes)], pairTerms: 2000)
                Issue.record("accepted: \(what)")
            } catch {
                switch error {
                case .damagedPartial(let path, _): #expect(path == "x", "\(what)")
                case .partial(let path, _, _): #expect(path == "x", "\(what)")
                case .incompatiblePartials: break  // a changed settings or shard key is another partial's
                default: Issue.record("\(what): \(error)")
                }
            }
        }
        for count in 0..<lines.count { refused(Array(lines[..<count]), "cut after \(count) lines") }
        for index in lines.indices {
            var dropped = lines
            dropped.remove(at: index)
            refused(dropped, "line \(index + 1) dropped")
        }
        for index in lines.indices {
            for (offset, character) in lines[index].enumerated() where character.isASCII && character.isNumber {
                var changed = lines
                var characters = Array(changed[index])
                characters[offset] = character == "9" ? "8" : Character(String(character.wholeNumberValue! + 1))
                changed[index] = String(characters)
                refused(changed, "line \(index + 1), character \(offset + 1) changed")
            }
        }
        // A last line without its line end is cut short.
        let text = lines.joined(separator: "\n")
        #expect(throws: PipelineError.self) { try PartialMerge.merge([.bytes(name: "x", Array(text.utf8))]) }
    }

    @Test func aDocumentInTwoPartialsIsRefusedByName() throws {
        let a = try Self.partial("same.txt"), b = try Self.partial("same.txt")
        #expect {
            try PartialMerge.merge([.bytes(name: "a", a), .bytes(name: "b", b)])
        } throws: { error in
            "\(error)".contains("document same.txt") || "\(error)".contains("same.txt was counted")
        }
        // Reduced by key, the repeat shows as a value of 2.
        let reduced = Self.reduceByKey(Self.lines(a) + Self.lines(b))
        #expect {
            try PartialMerge.merge([.bytes(name: "r", Array((reduced.joined(separator: "\n") + "\n").utf8))])
        } throws: { error in
            "\(error)".contains("same.txt")
        }
    }

    @Test func partialsOfOtherSettingsAreRefusedAfterTheirChecks() throws {
        var other = Self.header
        other.window = 7
        let a = try Self.partial("a.txt")
        let b = try PartialFile.bytes(header: other, partials: 1, shards: [:], inputs: [], counts: other.emptyCounts())
        #expect {
            try PartialMerge.merge([.bytes(name: "a", a), .bytes(name: "b", b)])
        } throws: { error in
            guard case .incompatiblePartials(let message) = error as? PipelineError else { return false }
            return message.contains("b was counted with other settings")
        }
    }

    @Test(arguments: ["", " ", "a b", "\\", "\\-", "改\n行\r\t", "-"])
    func fieldsRoundTrip(_ text: String) {
        var bytes: [UInt8] = []
        PartialField.append(text, to: &bytes)
        #expect(!bytes.contains(UInt8(ascii: " ")) && !bytes.contains(UInt8(ascii: "\t")) && !bytes.contains(UInt8(ascii: "\n")))
        #expect(PartialField.decode(bytes.span) == text)
    }
}
