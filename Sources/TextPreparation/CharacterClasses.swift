import Corpus

/// What a character means to the normalization rules and to layout repair, one bit each, looked
/// up in one table for every character of the Basic Multilingual Plane.
///
/// A paragraph is classified in one pass over its bytes (`CharacterClasses.of(_:)`), and each
/// rule runs only if the paragraph holds a character that rule acts on: most paragraphs of ASCII,
/// kana and kanji hold no dash, nothing NFKC changes and nothing F1 rewrites, and those rules then
/// cost nothing more. The table is made once from the rules' own predicates (and ICU's, for
/// NFKC), so it cannot disagree with them.
struct CharacterClasses: OptionSet, Sendable {
    let rawValue: UInt8

    /// F1: a spacing voiced mark or an enclosed character (`TextNormalizer.preNFKC`).
    static let preNFKC = CharacterClasses(rawValue: 1 << 0)
    /// F2: a dash or tilde (`TextNormalizer.dashKind(_:)`).
    static let dash = CharacterClasses(rawValue: 1 << 1)
    /// F3: not a stable starter, so NFKC may change it or what stands before it
    /// (`ICU.isStableStarter`); every supplementary character counts as one.
    static let unstable = CharacterClasses(rawValue: 1 << 2)
    /// F4: ASCII punctuation (`TextNormalizer.isASCIIPunctuation(_:)`).
    static let punctuation = CharacterClasses(rawValue: 1 << 3)
    /// F5: an ASCII or ideographic space.
    static let space = CharacterClasses(rawValue: 1 << 4)
    /// Two columns wide (`LayoutRepair.displayWidth(_:)`).
    static let wide = CharacterClasses(rawValue: 1 << 5)

    /// The classes of every BMP character, by code point.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var classes: CharacterClasses = []
            switch value {
            case 0x309B...0x309C, 0x2460...0x249B, 0x3220...0x3243: classes.insert(.preNFKC)
            default: break
            }
            if TextNormalizer.dashKind(scalar) != nil { classes.insert(.dash) }
            if !ICU.isStableStarter(value) { classes.insert(.unstable) }
            if TextNormalizer.isASCIIPunctuation(scalar) { classes.insert(.punctuation) }
            if TextNormalizer.isSpace(scalar) { classes.insert(.space) }
            if LayoutRepair.displayWidth(scalar) == 2 { classes.insert(.wide) }
            table[Int(value)] = classes.rawValue
        }
        return table
    }()

    /// The classes of the character that starts at `index` of `bytes`, from `table`.
    @inline(__always)
    static func of(_ bytes: [UInt8], at index: Int, table: [UInt8]) -> CharacterClasses {
        let lead = bytes[index]
        if lead >= 0xF0 { return .unstable }
        return CharacterClasses(rawValue: table[Int(UTF8Text.value(in: bytes, at: index))])
    }

    /// The classes found anywhere in `bytes`: one pass, a table lookup per character. ASCII
    /// letters, digits and kanji (the bulk of most text) are stepped over in tight loops that look
    /// nothing up: they belong to no class but `wide` (kanji, `kanjiAreInert` in the tests).
    static func of(_ bytes: [UInt8]) -> CharacterClasses {
        let classes = Self.table
        let table = classes.span
        let bytes = bytes.span
        let count = bytes.count
        var found: UInt8 = 0
        var index = 0
        while index < count {
            let lead = bytes[unchecked: index]
            if lead < 0x80 {
                found |= table[unchecked: Int(lead)]
                index &+= 1
            } else if UTF8Text.isKanjiLead(lead) {
                found |= CharacterClasses.wide.rawValue
                index &+= 3
                // A run of kanji: valid UTF-8, so the two bytes after a lead are there.
                while index < count, UTF8Text.isKanjiLead(bytes[unchecked: index]) { index &+= 3 }
            } else if lead >= 0xF0 {
                found |= CharacterClasses.unstable.rawValue
                index &+= 4
            } else if lead < 0xE0 {
                let value = Int(lead & 0x1F) << 6 | Int(bytes[unchecked: index &+ 1] & 0x3F)
                found |= table[unchecked: value]
                index &+= 2
            } else {
                let value =
                    Int(lead & 0x0F) << 12 | Int(bytes[unchecked: index &+ 1] & 0x3F) << 6
                    | Int(bytes[unchecked: index &+ 2] & 0x3F)
                found |= table[unchecked: value]
                index &+= 3
            }
        }
        return CharacterClasses(rawValue: found)
    }
}
