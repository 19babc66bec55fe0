import Bytes
import Synchronization

/// The parsed feature string of a dictionary entry.
///
/// MeCab hands out one feature pointer per dictionary entry (and one per unknown-word class), so
/// a tagger parses each distinct feature string once and shares the result between tokens.
///
/// A features object is never freed: it keeps one reference to itself for good, made when it is
/// created. Tokens keep its ordinal and find it by that (`Token.features`, `FeatureRegistry`), so
/// that filling and emptying a sentence's tokens costs no reference counting; a token kept after
/// its tagger and model are gone still reads valid features. What this keeps alive is bounded by
/// the distinct entries a process meets (a model parses each entry once,
/// `MeCabModel.features(at:)`).
public final class MorphemeFeatures: Sendable {
    /// A number no other features object of this process has, dense from 0: what a worker keeps
    /// its decisions about an entry under, in arrays indexed by it instead of hashed tables
    /// (two hash lookups per token were a tenth of the analysis).
    public let ordinal: Int32
    private static let ordinals = Atomic<Int32>(0)
    /// The feature string as MeCab gives it (`名詞,一般,*,*,*,*,地域,チイキ,チイキ`).
    public let raw: String
    /// The fields of `raw`, split as CSV: UniDic quotes fields that contain commas.
    public let fields: [String]
    /// Part-of-speech levels without the `*` placeholders (`["名詞", "一般"]`).
    public let partOfSpeech: [String]
    /// The part of speech joined with `-` (`名詞-固有名詞-組織`), as IPAdic's documentation writes
    /// it; kept, because term and compound rules ask for it of every token.
    public let partOfSpeechPath: String
    /// The dictionary form, or `nil` when the dictionary has none for this entry (unknown words).
    public let baseForm: String?
    /// The reading, or `nil`.
    public let reading: String?

    public init(raw: String, layout: FeatureLayout) {
        ordinal = Self.ordinals.add(1, ordering: .relaxed).oldValue
        precondition(ordinal >= 0, "more than 2³¹ dictionary entries parsed in one process")
        self.raw = raw
        let fields = Self.splitCSV(raw)
        self.fields = fields
        partOfSpeech = Array(fields.prefix(layout.partOfSpeechFields).prefix { !Self.isPlaceholder($0) })
        partOfSpeechPath = partOfSpeech.joined(separator: "-")
        func field(_ index: Int?) -> String? {
            guard let index, index < fields.count, !Self.isPlaceholder(fields[index]), !fields[index].isEmpty else {
                return nil
            }
            return fields[index]
        }
        let base = field(layout.baseFormIndex)
        // UniDic marks loan words' lemmas with their source: グーグル-Google.
        if layout.family == .unidic, let base, let dash = base.firstIndex(of: "-"), dash != base.startIndex {
            baseForm = String(base[..<dash])
        } else {
            baseForm = base
        }
        reading = field(layout.readingIndex)
        _ = Unmanaged.passRetained(self)  // never released: see the type's comment
        FeatureRegistry.shared.register(self)
    }

    /// `true` for a field that is `*`, MeCab's "none": told by its bytes, where `==` on strings
    /// goes through the comparison that honours canonical equivalence.
    private static func isPlaceholder(_ field: String) -> Bool {
        field.utf8.count == 1 && field.utf8.first == UInt8(ascii: "*")
    }

    /// Splits one CSV record, honouring double quotes (`"1,0"` is one field, `""` a quote).
    static func splitCSV(_ record: String) -> [String] {
        var text = record
        let unquoted: [String]? = text.withUTF8Span { bytes in
            // Split the bytes: splitting the characters would find grapheme breaks first. A
            // dictionary parses thousands of entries a run, so this is a plain scan.
            var fields: [String] = []
            // IPAdic's entries have 9 fields, UniDic's up to 30: room for most at once.
            fields.reserveCapacity(16)
            var start = 0
            for index in 0..<bytes.count {
                switch bytes[unchecked: index] {
                case UInt8(ascii: "\""): return nil
                case UInt8(ascii: ","):
                    // A string's own UTF-8, cut at commas: well-formed pieces, not checked again.
                    fields.append(String(checkedUTF8: bytes.extracting(start..<index)))
                    start = index + 1
                default: break
                }
            }
            fields.append(String(checkedUTF8: bytes.extracting(start..<bytes.count)))
            return fields
        }
        if let unquoted { return unquoted }
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = record.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"" where quoted:
                var lookahead = iterator
                if lookahead.next() == "\"" {
                    field.append("\"")
                    iterator = lookahead
                } else {
                    quoted = false
                }
            case "\"" where field.isEmpty:
                quoted = true
            case "," where !quoted:
                fields.append(field)
                field = ""
            default:
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
