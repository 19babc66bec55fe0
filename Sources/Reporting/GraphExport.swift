import Foundation

/// A co-occurrence network written for other tools: GraphML (yEd, Cytoscape, igraph, NetworkX),
/// GEXF 1.2 (Gephi, with colours, sizes and positions), and the node and edge tables Gephi's
/// spreadsheet import reads.
///
/// Nodes are identified by their index in `CooccurrenceNetwork.nodes`, the same `Id` in every
/// file, so a node of the GraphML is the row of `nodes.csv` with its id. Numbers are written in the
/// C locale with six decimals (`CSVTable.format`), so the same network always gives the same
/// bytes; text is escaped for XML 1.0 (`XMLText`).
public enum GraphExport {
    /// GraphML, undirected: nodes carry label, pos, frequency, documents, community, x and y;
    /// edges carry weight (the Jaccard coefficient) and sentences.
    public static func graphML(_ network: CooccurrenceNetwork) -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        let keys: [(id: String, target: String, type: String)] = [
            ("label", "node", "string"), ("pos", "node", "string"), ("frequency", "node", "int"),
            ("documents", "node", "int"), ("community", "node", "int"), ("x", "node", "double"),
            ("y", "node", "double"), ("weight", "edge", "double"), ("sentences", "edge", "int"),
        ]
        for key in keys {
            xml += "  <key id=\"\(key.id)\" for=\"\(key.target)\" attr.name=\"\(key.id)\" attr.type=\"\(key.type)\"/>\n"
        }
        xml += "  <graph id=\"cooccurrence\" edgedefault=\"undirected\">\n"
        for (index, node) in network.nodes.enumerated() {
            xml += "    <node id=\"\(index)\">"
            xml += data("label", XMLText.escaped(node.term)) + data("pos", XMLText.escaped(node.pos))
            xml += data("frequency", String(node.frequency)) + data("documents", String(node.documents))
            xml += data("community", String(node.community))
            xml += data("x", CSVTable.format(node.x)) + data("y", CSVTable.format(node.y))
            xml += "</node>\n"
        }
        for (index, edge) in network.edges.enumerated() {
            xml += "    <edge id=\"e\(index)\" source=\"\(edge.source)\" target=\"\(edge.target)\">"
            xml += data("weight", CSVTable.format(edge.jaccard)) + data("sentences", String(edge.sentences))
            xml += "</edge>\n"
        }
        xml += "  </graph>\n</graphml>\n"
        return Data(xml.utf8)
    }

    /// GEXF 1.2 (1.2draft: what Gephi writes and what every GEXF reader, networkx included,
    /// reads; 1.3 is not yet read by all), undirected and static: node attributes frequency,
    /// documents, community and pos;
    /// `viz:size` is the node's radius in pixels on the default `NetworkStyle` (area ∝
    /// frequency), `viz:color` its community colour (`CommunityPalette`), `viz:position` the
    /// layout × 1000 with y flipped (Gephi's y axis points up, so the picture matches the SVG);
    /// edge weight is the Jaccard coefficient, with the shared sentences as an attribute.
    public static func gexf(_ network: CooccurrenceNetwork) -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
              <meta>
                <creator>kotoba</creator>
                <description>co-occurrence network (Jaccard; the unit is in manifest.json)</description>
              </meta>
              <graph defaultedgetype="undirected" mode="static">
                <attributes class="node">
                  <attribute id="frequency" title="frequency" type="integer"/>
                  <attribute id="documents" title="documents" type="integer"/>
                  <attribute id="community" title="community" type="integer"/>
                  <attribute id="pos" title="pos" type="string"/>
                </attributes>
                <attributes class="edge">
                  <attribute id="sentences" title="sentences" type="integer"/>
                </attributes>
                <nodes>

            """
        let radii = network.radii(style: NetworkStyle())
        let sizes = network.communitySizes
        for (index, node) in network.nodes.enumerated() {
            let colour = CommunityPalette.colour(community: node.community, size: sizes[node.community])
            xml += "      <node id=\"\(index)\" label=\"\(XMLText.escaped(node.term))\">\n"
            xml += "        <attvalues>"
            xml += attribute("frequency", String(node.frequency)) + attribute("documents", String(node.documents))
            xml += attribute("community", String(node.community)) + attribute("pos", XMLText.escaped(node.pos))
            xml += "</attvalues>\n"
            xml += "        <viz:size value=\"\(CSVTable.format(radii[index]))\"/>\n"
            xml += "        <viz:color r=\"\(colour.red)\" g=\"\(colour.green)\" b=\"\(colour.blue)\"/>\n"
            xml += "        <viz:position x=\"\(CSVTable.format(node.x * 1000))\" "
            xml += "y=\"\(CSVTable.format((1 - node.y) * 1000))\" z=\"0.000000\"/>\n"
            xml += "      </node>\n"
        }
        xml += "    </nodes>\n    <edges>\n"
        for (index, edge) in network.edges.enumerated() {
            xml += "      <edge id=\"\(index)\" source=\"\(edge.source)\" target=\"\(edge.target)\" "
            xml += "weight=\"\(CSVTable.format(edge.jaccard))\">"
            xml += "<attvalues>" + attribute("sentences", String(edge.sentences)) + "</attvalues></edge>\n"
        }
        xml += "    </edges>\n  </graph>\n</gexf>\n"
        return Data(xml.utf8)
    }

    /// Gephi's node table: `Id,Label,pos,frequency,documents,community,x,y`.
    public static func nodesTable(_ network: CooccurrenceNetwork) -> CSVTable {
        CSVTable(
            header: ["Id", "Label", "pos", "frequency", "documents", "community", "x", "y"],
            rows: network.nodes.enumerated().map { index, node in
                [
                    .integer(index), .text(node.term), .text(node.pos), .integer(node.frequency),
                    .integer(node.documents), .integer(node.community), .decimal(node.x), .decimal(node.y),
                ]
            })
    }

    /// Gephi's edge table: `Source,Target,Type,Weight,sentences`, Type always `Undirected`.
    public static func edgesTable(_ network: CooccurrenceNetwork) -> CSVTable {
        CSVTable(
            header: ["Source", "Target", "Type", "Weight", "sentences"],
            rows: network.edges.map { edge in
                [
                    .integer(edge.source), .integer(edge.target), .text("Undirected"), .decimal(edge.jaccard),
                    .integer(edge.sentences),
                ]
            })
    }

    private static func data(_ key: String, _ value: String) -> String {
        "<data key=\"\(key)\">\(value)</data>"
    }

    private static func attribute(_ name: String, _ value: String) -> String {
        "<attvalue for=\"\(name)\" value=\"\(value)\"/>"
    }
}
