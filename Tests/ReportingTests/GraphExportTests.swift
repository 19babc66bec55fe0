import Foundation
import Testing

@testable import Reporting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// GraphML, GEXF and Gephi tables, read back with Foundation's XML parser.
struct GraphExportTests {
    /// A network with labels that need escaping: markup characters, a character outside the BMP,
    /// an emoji with a skin-tone modifier, and control characters XML 1.0 cannot carry.
    static let network = CooccurrenceNetwork(
        nodes: [
            .init(term: "A&B<\"x\">", pos: "名詞'", frequency: 12, documents: 3, community: 0, x: 0, y: 0.25),
            .init(term: "𠮷野家", pos: "固有名詞", frequency: 7, documents: 2, community: 0, x: 1, y: 1),
            .init(term: "👍🏽", pos: "記号", frequency: 3, documents: 1, community: 1, x: 0.5, y: 0),
            .init(term: "bad\u{1}\u{FFFE}tab\there", pos: "名詞", frequency: 2, documents: 1, community: 1, x: 0.125, y: 0.5),
        ],
        edges: [
            .init(source: 0, target: 1, sentences: 5, jaccard: 0.625),
            .init(source: 2, target: 3, sentences: 2, jaccard: 1.0 / 3),
        ])

    /// Elements with their attributes and text, in document order.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append((qName ?? elementName, attributeDict, ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = open.popLast()
        }
    }

    func parse(_ data: Data) -> Collector? {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            Issue.record("XML does not parse: \(String(describing: parser.parserError))")
            return nil
        }
        return collector
    }

    static let expectedLabels = ["A&B<\"x\">", "𠮷野家", "👍🏽", "badtab\there"]

    @Test func graphMLRoundTripsLabelsNumbersAndEdges() throws {
        let collector = try #require(parse(GraphExport.graphML(Self.network)))
        let keys = collector.elements.filter { $0.name == "key" }
        #expect(keys.map { $0.attributes["id"] ?? "" } == ["label", "pos", "frequency", "documents", "community", "x", "y", "weight", "sentences"])
        #expect(keys.first { $0.attributes["id"] == "frequency" }?.attributes["attr.type"] == "int")
        #expect(keys.first { $0.attributes["id"] == "weight" }?.attributes["for"] == "edge")
        #expect(collector.elements.first { $0.name == "graph" }?.attributes["edgedefault"] == "undirected")
        let data = collector.elements.filter { $0.name == "data" }
        func values(_ key: String) -> [String] { data.filter { $0.attributes["key"] == key }.map(\.text) }
        #expect(values("label") == Self.expectedLabels)
        #expect(values("pos") == ["名詞'", "固有名詞", "記号", "名詞"])
        #expect(values("frequency") == ["12", "7", "3", "2"])
        #expect(values("community") == ["0", "0", "1", "1"])
        #expect(values("y").compactMap(Double.init) == [0.25, 1, 0, 0.5])
        #expect(values("weight") == ["0.625000", "0.333333"])
        #expect(values("sentences") == ["5", "2"])
        let edges = collector.elements.filter { $0.name == "edge" }
        #expect(edges.map { [$0.attributes["source"] ?? "", $0.attributes["target"] ?? ""] } == [["0", "1"], ["2", "3"]])
        #expect(collector.elements.filter { $0.name == "node" }.count == 4)
    }

    @Test func gexfRoundTripsLabelsAndCarriesVisualAttributes() throws {
        let collector = try #require(parse(GraphExport.gexf(Self.network)))
        #expect(collector.elements.first?.attributes["version"] == "1.2")
        let nodes = collector.elements.filter { $0.name == "node" }
        #expect(nodes.map { $0.attributes["label"] ?? "" } == Self.expectedLabels)
        let edges = collector.elements.filter { $0.name == "edge" }
        #expect(edges.compactMap { $0.attributes["weight"].flatMap(Double.init) } == [0.625, 0.333333])
        #expect(collector.elements.first { $0.name == "graph" }?.attributes["defaultedgetype"] == "undirected")
        let values = collector.elements.filter { $0.name == "attvalue" }
        #expect(values.filter { $0.attributes["for"] == "frequency" }.map { $0.attributes["value"] ?? "" } == ["12", "7", "3", "2"])
        #expect(values.filter { $0.attributes["for"] == "pos" }.first?.attributes["value"] == "名詞'")
        #expect(values.filter { $0.attributes["for"] == "sentences" }.map { $0.attributes["value"] ?? "" } == ["5", "2"])
        let positions = collector.elements.filter { $0.name == "viz:position" }
        #expect(positions.map { $0.attributes["x"] ?? "" } == ["0.000000", "1000.000000", "500.000000", "125.000000"])
        #expect(positions.map { $0.attributes["y"] ?? "" } == ["750.000000", "0.000000", "1000.000000", "500.000000"])
        let colours = collector.elements.filter { $0.name == "viz:color" }
        #expect(colours.first?.attributes == ["r": "141", "g": "211", "b": "199"])  // Set3's first
        let sizes = collector.elements.filter { $0.name == "viz:size" }.compactMap { $0.attributes["value"].flatMap(Double.init) }
        #expect(sizes.count == 4 && sizes == sizes.sorted(by: >) && sizes.first == 20)
    }

    @Test func exportsAreDeterministic() {
        #expect(GraphExport.graphML(Self.network) == GraphExport.graphML(Self.network))
        #expect(GraphExport.gexf(NetworkFixtures.largeNetwork) == GraphExport.gexf(NetworkFixtures.largeNetwork))
        #expect(parse(GraphExport.gexf(NetworkFixtures.largeNetwork)) != nil)
        #expect(parse(GraphExport.graphML(NetworkFixtures.largeNetwork)) != nil)
    }

    @Test func gephiTablesHaveItsColumns() {
        let nodes = GraphExport.nodesTable(Self.network)
        #expect(nodes.header == ["Id", "Label", "pos", "frequency", "documents", "community", "x", "y"])
        #expect(nodes.rows.first == [.integer(0), .text("A&B<\"x\">"), .text("名詞'"), .integer(12), .integer(3), .integer(0), .decimal(0), .decimal(0.25)])
        let edges = GraphExport.edgesTable(Self.network)
        #expect(edges.header == ["Source", "Target", "Type", "Weight", "sentences"])
        #expect(edges.rows == [
            [.integer(0), .integer(1), .text("Undirected"), .decimal(0.625), .integer(5)],
            [.integer(2), .integer(3), .text("Undirected"), .decimal(1.0 / 3), .integer(2)],
        ])
        let csv = String(decoding: edges.excelCSV(), as: UTF8.self)
        #expect(csv == "\u{FEFF}Source,Target,Type,Weight,sentences\r\n0,1,Undirected,0.625000,5\r\n2,3,Undirected,0.333333,2\r\n")
    }

    @Test func xmlEscapingDropsWhatXMLCannotCarry() {
        #expect(XMLText.escaped("A&B<\"x\">'") == "A&amp;B&lt;&quot;x&quot;&gt;&apos;")
        #expect(XMLText.escaped("a\u{0}b\u{1B}c\u{FFFF}d") == "abcd")
        #expect(XMLText.escaped("1\t2\n3\r") == "1&#9;2&#10;3&#13;")
        #expect(XMLText.escaped("𠮷👍🏽") == "𠮷👍🏽")
    }
}
