/// A list of input files, as shell pipelines make them: `find … -print` (one name a line) or
/// `find … -print0` (names separated by NUL, which may hold any byte, line breaks included).
public struct FileList: Sendable, Codable, Equatable {
    public enum Separator: String, Sendable, Codable {
        case newline, nul
    }

    /// The list's path, or `-` for standard input.
    public var path: String
    public var separator: Separator

    public init(path: String, separator: Separator) {
        self.path = path
        self.separator = separator
    }

    /// The names in `data`: empty names are skipped, and for newline lists a CR before the LF.
    public static func names(in data: [UInt8], separator: Separator) -> [[UInt8]] {
        let delimiter: UInt8 = separator == .nul ? 0 : 0x0A
        return data.split(separator: delimiter, omittingEmptySubsequences: true).map { name in
            var bytes = Array(name)
            if separator == .newline, bytes.last == 0x0D { bytes.removeLast() }
            return bytes
        }.filter { !$0.isEmpty }
    }

    /// A name for messages and reports: the name itself if it is UTF-8, else with every byte that
    /// is not shown as `\xNN` (so the report still says which file it was).
    public static func displayName(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[index...].makeIterator()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                result += String(decoding: encoded, as: UTF8.self)
                index += encoded.count
            case .error(let length):
                for byte in bytes[index..<(index + max(1, length))] { result += "\\x" + hex(byte) }
                index += max(1, length)
            case .emptyInput:
                index = bytes.count
            }
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
