/// Text made safe for XML 1.0 (GraphML, GEXF, SVG), in element content and in quoted attributes.
enum XMLText {
    /// `text` with `& < > " '` escaped, tab, line feed and carriage return written as character
    /// references (so attribute normalization cannot turn them into spaces), and characters XML
    /// 1.0 does not allow at all (other C0 controls, U+FFFE, U+FFFF) dropped: they cannot be
    /// written even as references, and a term never needs them.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default:
                guard isAllowed(scalar) else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// XML 1.0's `Char` production (surrogates cannot occur in a Swift string).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
