import Foundation
import Testing
import TestSupport

/// Every error path says what is wrong in a line of its own: no NSError dump, no silent exit.
struct ErrorMessageTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    @Test func aFolderWhereAFileIsExpectedSaysSo() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["corpus/a.txt": Data("地域の活性化。".utf8), "folder/x.txt": Data("x".utf8)], in: root)
        for arguments in [
            ["run", "--files-from", "folder", "--no-cache"],
            ["run", "corpus", "--metadata", "folder", "--no-cache"],
            ["merge", "folder", "--out", "merged"],
        ] {
            let result = try kotoba(arguments, in: root)
            #expect(result.status == 66, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("kotoba: error: folder: cannot read: is a directory"), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("NSCocoaErrorDomain") && !result.standardError.contains("Code="))
        }
    }

    @Test func japaneseUTF16WithoutAByteOrderMarkIsRefusedWithAHint() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = "地域の活性化を支援する。\n小規模事業者の話を聞いた。\n"
        var little = Data()
        var big = Data()
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        try TestSupport.write(["le.txt": little, "be.txt": big], in: root)
        for (name, option) in [("le.txt", "utf-16le"), ("be.txt", "utf-16be")] {
            let refused = try kotoba(["run", name, "--no-cache"], in: root)
            #expect(refused.status == 65, "\(refused.standardError)")
            #expect(refused.standardError.contains("--encoding \(option)"), "\(refused.standardError)")
            let named = try kotoba(["run", name, "--no-cache", "--encoding", option, "--out", "out-\(option)"], in: root)
            #expect(named.status == 0, "\(named.standardError)")
        }
        // Binary data that is no UTF-16 text gets no hint.
        try Data([0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x00, 0x00]).write(to: root.appendingPathComponent("bin.txt"))
        let binary = try kotoba(["run", "bin.txt", "--no-cache"], in: root)
        #expect(binary.status == 65)
        #expect(binary.standardError.contains("binary data") && !binary.standardError.contains("--encoding"))
    }
}
