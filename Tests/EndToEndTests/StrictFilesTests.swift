import Foundation
import Testing
import TestSupport

/// Configuration, theme and vocabulary files are strict: a misspelt key or category is exit 78
/// naming the file, the line and the key, with the key meant; a value out of range in a file
/// names the file; an empty configuration file is an empty configuration.
struct StrictFilesTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    func workspace(_ files: [String: String]) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        var all = files.mapValues { Data($0.utf8) }
        all["corpus/a.txt"] = Data("地域の活性化を支援する。企業の活性化が進む。".utf8)
        try TestSupport.write(all, in: root)
        return root
    }

    @Test(arguments: [
        ("kotoba.yml", "jobs: 1\nmin-pair-count: 5\n", "kotoba.yml: line 2: unknown key 'min-pair-count' (did you mean 'min_pair_count'?)"),
        ("kotoba.yml", "file_lists:\n  - path: list.txt\n    separater: nul\n", "kotoba.yml: line 3: unknown key 'separater' (did you mean 'separator'?)"),
        ("kotoba.yml", "theme: t.yml\n", "kotoba.yml: line 1: unknown key 'theme' (did you mean 'themes'?)"),
        ("kotoba.yml", "jobs: 0\n", "kotoba.yml: jobs must be at least 1 (got 0)"),
        ("kotoba.yml", "min_pair_count: 0\n", "kotoba.yml: min_pair_count must be at least 1 (got 0)"),
        ("kotoba.yml", "vocabulary: v.yml\n", "v.yml: line 2: unknown key 'stopword' (did you mean 'stopwords'?)"),
        ("kotoba.yml", "vocabulary: w.yml\n", "w.yml: line 1: unknown key 'forcepick' (did you mean 'force_pick'?)"),
        ("kotoba.yml", "vocabulary: x.yml\n", "x.yml: line 2: 'include': unknown category or part of speech '名詞X' (did you mean '名詞B'?)"),
        ("kotoba.yml", "themes: t.yml\n", "t.yml: line 4: unknown key 'glob' (did you mean 'globs'?)"),
    ])
    func aMisspeltKeyOrABadValueIsExit78NamingTheFileAndLine(name: String, text: String, message: String) throws {
        let root = try workspace([
            name: text,
            "v.yml": "preset: khcoder\nstopword: [こと]\n",
            "w.yml": "forcepick: [地域活性化]\n",
            "x.yml": "preset: nouns\ninclude: [副詞B, 名詞X, 名詞-固有名詞-人名]\n",
            "t.yml": "version: 1\nthemes:\n  - name: 活性化\n    glob: [活性*]\n    terms: [活性化]\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["run", "corpus", "--no-cache"], in: root)
        #expect(result.status == 78, "\(result.standardError)")
        #expect(result.standardError.contains("kotoba: error: \(message)"), "\(result.standardError)")
    }

    @Test func validNamesPassAndAnEmptyOrCommentOnlyConfigurationIsTheDefault() throws {
        for text in ["", "# nothing set yet\n\n# still nothing\n"] {
            let root = try workspace([
                "kotoba.yml": text,
                "v.yml": "include: [副詞B, 名詞-固有名詞-人名, 助詞]\nexclude: [名詞C]\nforce_pick: [地域活性化]\n",
                "t.yml": "version: 1\nthemes:\n  - name: 活性化\n    globs: [活性*]\n    terms: [活性化]\n",
            ])
            defer { try? FileManager.default.removeItem(at: root) }
            let result = try kotoba(["run", "corpus", "--no-cache", "--vocabulary", "v.yml", "--themes", "t.yml"], in: root)
            #expect(result.status == 0, "\(text): \(result.standardError)")
        }
    }
}
