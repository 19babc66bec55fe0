/// Finds speaker marks in transcript paragraphs (reference/normtok.md §5.4) and turns them into a
/// `speaker` on each paragraph, so that the label itself is never counted as text.
///
/// Two shapes are recognised at the start of a paragraph:
/// - a paragraph that is only a mark and a label (`○西川区長`): it opens a turn for the following
///   paragraphs and is not a paragraph itself;
/// - a mark, a label and a space (`○西川区長　地域活性化が…`): the label is split off the body.
///
/// This must run before character normalization, which removes the space between label and body.
public enum SpeakerTurns {
    /// Characters that open a speaker turn in Japanese transcripts and minutes.
    public static let marks: Set<Unicode.Scalar> = ["○", "●", "◯", "◎", "◆", "◇", "■", "□"]
    /// The longest label accepted, in characters.
    static let maximumLabelLength = 20

    /// Assigns speakers to `paragraphs` (already joined, one line each).
    public static func paragraphs(from paragraphs: [String]) -> [Paragraph] {
        var result: [Paragraph] = []
        var speaker: String?
        for text in paragraphs {
            guard let first = text.unicodeScalars.first, marks.contains(first) else {
                result.append(Paragraph(speaker: speaker, text: text))
                continue
            }
            let rest = text.unicodeScalars.dropFirst().drop(while: isSpace)
            let label = rest.prefix(while: { !isSpace($0) })
            let body = rest.dropFirst(label.count).drop(while: isSpace)
            let labelText = String(String.UnicodeScalarView(label))
            guard !label.isEmpty, labelText.count <= maximumLabelLength, !endsWithTerminal(labelText)
            else {
                result.append(Paragraph(speaker: speaker, text: text))
                continue
            }
            speaker = labelText
            if !body.isEmpty {
                result.append(Paragraph(speaker: speaker, text: String(String.UnicodeScalarView(body))))
            }
        }
        return result
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}"
    }

    private static func endsWithTerminal(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return SentenceSplitter.role(of: last) == .terminator
    }
}
