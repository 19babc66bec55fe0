import Foundation

/// Step 2 of `LayoutRepair`: page breaks, running headers and footers, and page numbers of a
/// document extracted from PDF.
extension LayoutRepair {
    /// `lines` (ranges of `text`) without page breaks, running headers and footers, and page
    /// numbers.
    static func withoutPageDebris(_ lines: [Range<Int>], in text: TracedText) -> [Range<Int>] {
        let isPageBreak = { (line: Range<Int>) in line.count == 1 && text.utf8[line.lowerBound] == 0x0C }
        guard lines.contains(where: isPageBreak) else { return lines }
        var pages: [[TracedText]] = [[]]
        var pageRanges: [[Range<Int>]] = [[]]
        for line in lines {
            if isPageBreak(line) {
                pages.append([])
                pageRanges.append([])
            } else {
                pages[pages.count - 1].append(text[line])
                pageRanges[pageRanges.count - 1].append(line)
            }
        }
        guard pages.count >= 3 else { return pageRanges.flatMap { $0 } }
        func edges(_ page: [TracedText]) -> [Int] {
            let filled = page.indices.filter { !page[$0].string.trimmingCharacters(in: .whitespaces).isEmpty }
            return Array(Set(filled.prefix(3) + filled.suffix(3))).sorted()
        }
        var pagesWithKey: [String: Int] = [:]
        for page in pages {
            for key in Set(edges(page).map { debrisKey(page[$0]) }) where !key.isEmpty {
                pagesWithKey[key, default: 0] += 1
            }
        }
        let running = Set(pagesWithKey.filter { $0.value >= 3 && $0.value * 2 >= pages.count }.keys)
        return pages.indices.flatMap { number in
            let page = pages[number]
            let drop = Set(edges(page).filter { running.contains(debrisKey(page[$0])) || isPageNumber(page[$0].string) })
            return page.indices.filter { !drop.contains($0) }.map { pageRanges[number][$0] }
        }
    }

    /// A line's identity across pages: spaces removed, digit runs as `#`.
    static func debrisKey(_ line: TracedText) -> String {
        var key = String.UnicodeScalarView()
        var inDigits = false
        for scalar in line.scalars where scalar != " " && scalar != "\u{3000}" {
            let isDigit = ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
            if isDigit && !inDigits { key.append("#") }
            if !isDigit { key.append(scalar) }
            inDigits = isDigit
        }
        return String(key)
    }

    /// `12`, `- 12 -`, `（12）`, `12/40` alone on a line.
    static func isPageNumber(_ line: String) -> Bool {
        let compact = line.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
        let digits = compact.filter { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        guard !digits.isEmpty else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "－", "―", "‐", "—", "(", "（", ")", "）"]
        let others = compact.filter { !(("0"..."9").contains($0) || ("０"..."９").contains($0)) }
        if others.allSatisfy({ dashes.contains($0) }) { return digits.count <= 4 && others.count <= 2 }
        if others.count == 1, others.first == "/" { return true }
        return false
    }
}
