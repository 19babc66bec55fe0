import Foundation
import Testing
import TestSupport

/// The pair table's bound: pairs are counted among the `pair_terms` most frequent terms, and a
/// run whose worker's table outgrows `pair_table_limit` counts them again in a second pass. The
/// reports must not show which way they were counted.
struct PairBoundTests {
    let batch = BatchTests()

    func run(_ root: URL, output: String, settings: String, jobs: String) throws -> [String: Data] {
        let config = root.appendingPathComponent(output + ".yml")
        try Data("inputs: [corpus]\nthemes: themes.yml\ngroup_by: speaker\n\(settings)\n".utf8).write(to: config)
        let result = try batch.kotoba(["run", "--config", config.path, "-o", output, "-j", jobs], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        return try batch.reports(root.appendingPathComponent(output))
    }

    func manifestCounts(_ root: URL, _ output: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(output + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(manifest["counts"] as? [String: Any])
    }

    @Test func aSecondPassGivesTheSameReports() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = root.appendingPathComponent("cache").path
        let one = try run(root, output: "one", settings: "cache: null", jobs: "2")
        #expect(try manifestCounts(root, "one")["pair_passes"] as? Int == 1)
        // Tokenizing again (no cache), and from the cache the first pass filled.
        for (output, settings) in [("again", "cache: null"), ("cached", "cache: \(cache)")] {
            let two = try run(root, output: output, settings: settings + "\npair_table_limit: 40", jobs: "2")
            #expect(try manifestCounts(root, output)["pair_passes"] as? Int == 2)
            for (name, data) in one { #expect(two[name] == data, "\(name) (\(output))") }
        }
    }

    /// With pair_terms 30, every term of cooccurrence.csv is at least as frequent as the 30th
    /// term of term_frequency.csv, and the pairs of those terms are all there.
    @Test func pairsAreCountedAmongTheMostFrequentTerms() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try run(root, output: "all", settings: "cache: null", jobs: "1")
        _ = try run(root, output: "top", settings: "cache: null\npair_terms: 30", jobs: "1")
        let frequencies = try TestSupport.readCSV(root.appendingPathComponent("all/term_frequency.csv")).dropFirst()
        var frequency: [String: Int] = [:]
        for row in frequencies { frequency[row[1] + "\t" + row[2]] = Int(row[3]) }
        let cut = frequencies.map { Int($0[3])! }.sorted(by: >)[29]
        let all = try TestSupport.readCSV(root.appendingPathComponent("all/cooccurrence.csv")).dropFirst()
        let top = try TestSupport.readCSV(root.appendingPathComponent("top/cooccurrence.csv")).dropFirst()
        #expect(!top.isEmpty && top.count < all.count)
        for row in top {
            #expect(frequency[row[0] + "\t" + row[1]]! >= cut && frequency[row[2] + "\t" + row[3]]! >= cut, "\(row)")
        }
        // Pairs of terms above the cut are the same rows in both.
        let above = { (row: [String]) in
            frequency[row[0] + "\t" + row[1]]! > cut && frequency[row[2] + "\t" + row[3]]! > cut
        }
        #expect(Set(all.filter(above)) == Set(top.filter(above)))
        #expect(try manifestCounts(root, "top")["pair_vocabulary"] as? Int == 30)
    }
}
