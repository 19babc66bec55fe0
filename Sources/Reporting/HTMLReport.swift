import Foundation

/// `report.html`: a one-page overview of a run that opens anywhere without a network or
/// JavaScript: corpus totals, a bar chart of the top terms, the co-occurrence network, a theme ×
/// group heatmap, the theme totals and links to every report file.
///
/// Everything is inline SVG and CSS drawn here, so the page is one file and the same counts give
/// the same bytes (no timestamps: those are in `manifest.json`). The font stack names a Japanese
/// font of each platform (Hiragino on macOS, Yu Gothic and Meiryo on Windows, Noto Sans CJK and
/// IPA fonts on Linux) before the generic family, so Japanese never falls back to a font without
/// kana and kanji.
public enum HTMLReport {
    /// The fonts tried in order.
    public static let fontStack =
        "\"Hiragino Sans\", \"Hiragino Kaku Gothic ProN\", \"Yu Gothic UI\", \"Yu Gothic\", YuGothic, Meiryo, "
        + "\"Noto Sans CJK JP\", \"Noto Sans JP\", \"Source Han Sans JP\", \"IPAexGothic\", \"IPAGothic\", "
        + "\"TakaoGothic\", \"VL Gothic\", sans-serif"

    /// Terms drawn in the bar chart.
    public static let barCount = 30

    /// The page. `network` is the network's inline SVG (nil when there are no edges to draw);
    /// `files` are the report files to link, relative to the page; `tooLong` the CSV files with
    /// more than `rowLimit` rows (Excel's), named at the top with what to do instead.
    /// `maps` is the multivariate maps' section (`MapSVG.section`), empty for none.
    public static func render(
        summary: ReportSummary, network: String?, files: [String], tooLong: [SpreadsheetRows.Overflow] = [],
        rowLimit: Int = SpreadsheetRows.excelLimit, maps: String = ""
    ) -> Data {
        var page = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>kotoba report</title>
            <style>
            body { font-family: \(fontStack); margin: 2em auto; max-width: 1000px; padding: 0 1em; color: #222; line-height: 1.5; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; border-bottom: 2px solid #4e79a7; padding-bottom: 0.2em; margin-top: 2em; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f0f3f7; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            svg text { font-family: \(fontStack); }
            .note { color: #666; font-size: 0.9em; }
            ul.files { columns: 2; }
            </style>
            </head>
            <body>
            <h1>kotoba report</h1>
            <p class="note">Counts from <a href="manifest.json">manifest.json</a>'s run; every number below is in the linked CSV files.</p>

            """
        page += tooLongSection(tooLong, limit: rowLimit)
        page += corpusSection(summary.corpus)
        page += topTermsSection(summary.topTerms)
        page += networkSection(network, unit: summary.cooccurrenceUnit)
        page += maps
        page += heatmapSection(summary.themeTable)
        page += themesSection(summary.themes, sentences: summary.corpus.sentences)
        page += filesSection(files)
        page += "</body>\n</html>\n"
        return Data(page.utf8)
    }

    static func corpusSection(_ corpus: ReportSummary.Corpus) -> String {
        let rows: [(String, Int)] = [
            ("文書 documents", corpus.documents), ("段落 paragraphs", corpus.paragraphs),
            ("文 sentences", corpus.sentences), ("文字 characters", corpus.characters),
            ("総語数 tokens", corpus.tokens), ("抽出語 terms", corpus.terms),
            ("異なり語数 distinct terms", corpus.distinctTerms), ("話者 speakers", corpus.speakers),
        ]
        var html = "<h2>コーパスの概要 Corpus</h2>\n<table>\n"
        for (label, value) in rows { html += "<tr><th>\(label)</th><td class=\"n\">\(value)</td></tr>\n" }
        return html + "</table>\n"
    }

    /// A horizontal bar per term, longest first, count at the bar's end.
    static func topTermsSection(_ terms: [ReportSummary.TopTerm]) -> String {
        var html = "<h2>頻出語 Top terms</h2>\n"
        let shown = Array(terms.prefix(barCount))
        guard let largest = shown.map(\.count).max(), largest > 0 else {
            return html + "<p class=\"note\">No terms were counted.</p>\n"
        }
        let (labelWidth, barWidth, rowHeight) = (190, 620, 22)
        let height = shown.count * rowHeight + 10
        html += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" "
            + "role=\"img\" aria-label=\"Top terms by frequency\">\n"
        for (index, term) in shown.enumerated() {
            let y = index * rowHeight + 5
            let width = max(1, Int((Double(term.count) / Double(largest) * Double(barWidth)).rounded()))
            html += "<g><title>\(escape(term.term)) (\(escape(term.pos))): \(term.count)</title>"
            html += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"14\">\(escape(term.term))</text>"
            html += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"#4e79a7\"/>"
            html += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" font-size=\"12\" fill=\"#444\">\(term.count)</text></g>\n"
        }
        return html + "</svg>\n"
    }

    static func networkSection(_ network: String?, unit: String) -> String {
        var html = "<h2>共起ネットワーク Co-occurrence network</h2>\n"
        guard let network else {
            return html + "<p class=\"note\">No pair of terms co-occurs often enough to draw a network.</p>\n"
        }
        html += "<p class=\"note\">Terms linked by the highest Jaccard coefficients (\(escape(unit)) unit), as KH Coder draws them: "
            + "circle size by frequency, colour by community (modularity), darker and thicker lines for stronger links. "
            + "Gephi files are in <a href=\"graph/\">graph/</a>.</p>\n"
        return html + network + "\n"
    }

    /// Rows are groups (or documents), columns themes; a cell's shade is the share of the row's
    /// sentences where the theme occurs.
    static func heatmapSection(_ table: ReportSummary.ThemeTable) -> String {
        var html = "<h2>コード × \(escape(table.by == "document" ? "文書" : table.by)) Themes by \(escape(table.by))</h2>\n"
        guard !table.themes.isEmpty, !table.rows.isEmpty else {
            return html + "<p class=\"note\">No themes or no rows to show.</p>\n"
        }
        let largest = table.rows.flatMap { row in
            row.themeSentences.map { row.sentences > 0 ? Double($0) / Double(row.sentences) : 0 }
        }.max() ?? 0
        html += "<p class=\"note\">Share of each row's sentences in which the theme occurs (sentences in brackets); "
            + "the darkest cell is the largest share, \(String(format: "%.1f", largest * 100))%."
        if table.totalRows > table.rows.count {
            html += " The first \(table.rows.count) of \(table.totalRows) documents; all are in document_themes.csv."
        }
        html += "</p>\n<table>\n<tr><th>\(escape(table.by))</th><th>文数</th>"
        for theme in table.themes { html += "<th>\(escape(theme))</th>" }
        html += "</tr>\n"
        for row in table.rows {
            html += "<tr><th>\(escape(row.group))</th><td class=\"n\">\(row.sentences)</td>"
            for count in row.themeSentences {
                let share = row.sentences > 0 ? Double(count) / Double(row.sentences) : 0
                let depth = largest > 0 ? share / largest : 0
                html += "<td class=\"n\" style=\"background:\(shade(depth));color:\(depth > 0.6 ? "#fff" : "#222")\">"
                    + "\(String(format: "%.1f", share * 100))% (\(count))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    static func themesSection(_ themes: [ReportSummary.ThemeTotal], sentences: Int) -> String {
        var html = "<h2>コード Themes</h2>\n"
        guard !themes.isEmpty else { return html + "<p class=\"note\">No theme file was given.</p>\n" }
        html += "<table>\n<tr><th>コード theme</th><th>出現回数 occurrences</th><th>文数 sentences</th><th>文書数 documents</th></tr>\n"
        for theme in themes {
            html += "<tr><td>\(escape(theme.theme))</td><td class=\"n\">\(theme.occurrences)</td>"
                + "<td class=\"n\">\(theme.sentences)</td><td class=\"n\">\(theme.documents)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The CSV files Excel cannot show whole, each with its remedy; nothing when there are none.
    static func tooLongSection(_ files: [SpreadsheetRows.Overflow], limit: Int) -> String {
        guard !files.isEmpty else { return "" }
        var html = "<h2>Excel の行数制限 Too long for Excel</h2>\n"
        html += "<p>Excel shows at most \(grouped(limit)) rows (the header included) and drops the rest "
        html += "without saying so: these files have more. Excel で開くと超えた行が失われます。</p>\n<ul class=\"toolong\">\n"
        for file in files {
            html += "<li><a href=\"\(escape(file.file))\">\(escape(file.file))</a>: \(grouped(file.rows)) rows. "
            html += "\(escape(file.remedy.prefix(1).uppercased() + file.remedy.dropFirst())).</li>\n"
        }
        return html + "</ul>\n"
    }

    /// `1048576` as `1,048,576`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }

    static func filesSection(_ files: [String]) -> String {
        var html = "<h2>ファイル Files</h2>\n<ul class=\"files\">\n"
        for file in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            html += "<li><a href=\"\(escape(file))\">\(escape(file))</a></li>\n"
        }
        return html + "</ul>\n"
    }

    /// White to dark blue by `depth` (0–1), as `#rrggbb`.
    static func shade(_ depth: Double) -> String {
        let t = min(1, max(0, depth))
        let (r, g, b) = (255 - Int((255 - 33) * t), 255 - Int((255 - 81) * t), 255 - Int((255 - 140) * t))
        return "#" + [r, g, b].map { String(format: "%02x", $0) }.joined()
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text) }
}
