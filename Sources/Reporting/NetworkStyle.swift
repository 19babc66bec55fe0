/// The drawing a co-occurrence network is laid out for: canvas size, label font size and node
/// radii. The layout's label-overlap removal and `NetworkSVG` use the same style, so the labels
/// it separated are the labels the picture shows.
public struct NetworkStyle: Sendable, Equatable {
    /// Canvas size in pixels.
    public var width: Int
    public var height: Int
    /// Label font size in pixels (one em).
    public var fontSize: Double
    /// Node circle radii in pixels: the most frequent term gets `maximumRadius`, others an area
    /// proportional to their frequency (KH Coder's bubble plot), never less than `minimumRadius`.
    public var minimumRadius: Double
    public var maximumRadius: Double
    /// Space kept free on every side of the canvas, in pixels.
    public var margin: Double

    public init(
        width: Int = 900, height: Int = 700, fontSize: Double = 14, minimumRadius: Double = 4,
        maximumRadius: Double = 20, margin: Double = 24
    ) {
        self.width = width
        self.height = height
        self.fontSize = fontSize
        self.minimumRadius = minimumRadius
        self.maximumRadius = maximumRadius
        self.margin = margin
    }

    /// The radius of a node whose term occurs `frequency` times when the most frequent node's term
    /// occurs `maximumFrequency` times: area ∝ frequency, clamped to the style's radii.
    public func radius(frequency: Int, maximumFrequency: Int) -> Double {
        guard maximumFrequency > 0, frequency > 0 else { return minimumRadius }
        let scaled = maximumRadius * (Double(frequency) / Double(maximumFrequency)).squareRoot()
        return min(maximumRadius, max(minimumRadius, scaled))
    }

    /// The estimated size in pixels of `label` drawn in one line at `fontSize`, with a small
    /// padding: see `NetworkStyle.ems(of:)`. Height is one line (1.2 em).
    public func labelSize(of label: String) -> (width: Double, height: Double) {
        (Self.ems(of: label) * fontSize + 2, 1.2 * fontSize)
    }

    /// The estimated width of `text` in ems, without measuring fonts: each grapheme (what a reader
    /// sees as one character, so 👍🏽 or a letter with a combining accent counts once) is 1 em
    /// when it is full-width (CJK ideographs, kana, Hangul, full-width forms, emoji) and 0.6 em
    /// otherwise (Latin, digits, half-width kana).
    public static func ems(of text: String) -> Double {
        text.reduce(0) { total, character in total + (isWide(character) ? 1 : 0.6) }
    }

    /// Whether a grapheme is drawn full width. Swift's scalar properties do not expose East Asian
    /// Width, so this uses `isIdeographic`, `isEmojiPresentation` and the blocks of kana, Hangul,
    /// CJK punctuation and full-width forms.
    static func isWide(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if scalars.count > 1 && scalars.contains(where: { $0.properties.isEmoji && $0.value > 0xFF }) {
            return true  // emoji sequences: modifiers, ZWJ sequences, flags, keycaps with VS16
        }
        if first.properties.isIdeographic || first.properties.isEmojiPresentation { return true }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3200...0x33FF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60,
            0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }
}
