import Bytes
import Foundation
import Testing
import TestSupport

/// The descriptor calls against Foundation's view of the same files, and their failures against
/// the `errno` the C library documents for them.
struct ByteFileTests {
    static func bytes(count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(state: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    @Test func writtenBytesReadBackWhole() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // More than one read's worth (64 KiB), and not a multiple of it.
        let bytes = Self.bytes(count: 200_003, seed: 1)
        let path = Array(folder.appendingPathComponent("a.bin").path.utf8)
        let output = ByteFile.open(rawPath: path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
        #expect(output >= 0)
        #expect(ByteFile.write(output, bytes, 0..<100) == nil)
        #expect(ByteFile.write(output, bytes, 100..<bytes.count) == nil)
        close(output)
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.bin")) == Data(bytes))

        let input = ByteFile.open(rawPath: path, flags: O_RDONLY)
        defer { close(input) }
        #expect(try ByteFile.readAll(input).get() == bytes)
        #expect(ByteFile.read(input, count: 10, at: 5) == Array(bytes[5..<15]))
        #expect(ByteFile.read(input, count: 3, at: bytes.count - 3) == Array(bytes.suffix(3)))
        // Past the end: short, so nothing.
        #expect(ByteFile.read(input, count: 4, at: bytes.count - 3) == nil)
        #expect(ByteFile.status(rawPath: path).map { Int($0.st_size) } == bytes.count)
    }

    @Test func aReadFillsTheBufferFromTheOffset() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("b.txt")
        try Data("kotoba".utf8).write(to: file)
        let descriptor = ByteFile.open(rawPath: Array(file.path.utf8), flags: O_RDONLY)
        defer { close(descriptor) }
        var buffer: [UInt8] = [1, 2, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(try ByteFile.read(descriptor, into: &buffer, from: 2).get() == 6)
        #expect(buffer == [1, 2] + Array("kotoba".utf8) + [0, 0])
        #expect(try ByteFile.read(descriptor, into: &buffer, from: 0).get() == 0)
    }

    @Test func failuresCarryTheirErrno() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = Array(folder.appendingPathComponent("none").path.utf8)
        #expect(ByteFile.status(rawPath: missing) == nil && errno == ENOENT)
        #expect(ByteFile.open(rawPath: missing, flags: O_RDONLY) == -1 && errno == ENOENT)
        #expect(ByteFile.directoryEntries(rawPath: missing).failure == ByteFile.Errno(ENOENT))
        // A descriptor open for reading only cannot be written.
        let file = folder.appendingPathComponent("c.txt")
        try Data("x".utf8).write(to: file)
        let descriptor = ByteFile.open(rawPath: Array(file.path.utf8), flags: O_RDONLY)
        defer { close(descriptor) }
        #expect(ByteFile.write(descriptor, [1, 2, 3]) == ByteFile.Errno(EBADF))
        #expect(ByteFile.readAll(-1).failure == ByteFile.Errno(EBADF))
    }

    @Test func entriesAreTheFolderListingAsBytesEvenWhenNotUTF8() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.txt", "地域.md", ".hidden"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        // A name in Shift_JIS: no UTF-8, so only bytes can name it.
        let raw = Array(folder.path.utf8) + [UInt8(ascii: "/"), 0x92, 0x6E, 0x88, 0xE6]
        let created = ByteFile.open(rawPath: raw, flags: O_WRONLY | O_CREAT, mode: 0o644)
        #expect(created >= 0)
        close(created)
        let entries = try ByteFile.directoryEntries(rawPath: Array(folder.path.utf8)).get()
        let expected = [Array(".hidden".utf8), Array("a.txt".utf8), Array("sub".utf8), Array("地域.md".utf8), [0x92, 0x6E, 0x88, 0xE6]]
        #expect(entries.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(ByteFile.linkStatus(rawPath: raw) != nil)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
