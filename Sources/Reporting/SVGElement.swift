/// Pieces of SVG every figure of `report.html` shares.
enum SVGElement {
    /// The opening `<svg>` tag of a figure `width` × `height` pixels, its text in the page's CJK
    /// font stack at `fontSize` (already formatted), read by screen readers as an image.
    static func opening(width: Int, height: Int, fontSize: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "font-family=\"\(XMLText.escaped(HTMLReport.fontStack))\" font-size=\"\(fontSize)\">\n"
    }
}
