internal import CLibXML2

/// Owns one libxml2 parse (document and parser context) so both are always freed.
final class XMLDocument {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Parses `bytes` as UTF-8 XML with the network off, no entity expansion and no external DTD.
    /// Diagnostics go to whatever collector is installed. Returns nil when the bytes are not well-formed
    /// (including namespace errors). Must be called under `LibXML2Lock`.
    static func parse(_ bytes: [UInt8], url: String) -> XMLDocument? {
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress, buffer.count <= Int(Int32.max) else { return nil }
            return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlCtxtReadMemory(context, base, Int32(buffer.count), url, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        let document = XMLDocument(document: parsed)
        guard context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0 else { return nil }
        return document
    }

    /// The nodes an XPath 1.0 expression selects, with their line and string value, in document order.
    func select(_ expression: String) -> [SelectedNode] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(expression, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, let table = set.pointee.nodeTab else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            guard let node = table[index] else { return nil }
            return SelectedNode(node)
        }
    }
}

/// What the checks need from one XPath result node, copied out so no libxml2 pointer escapes.
struct SelectedNode {
    /// Local name of the element or attribute.
    var name: String
    /// Local name of the element: the node itself, or the attribute's owner.
    var element: String
    /// 1-based line of the element (of the owning element for an attribute), 0 when unknown.
    var line: Int
    /// The string value: an attribute's value, an element's text content.
    var value: String

    init(_ node: xmlNodePtr) {
        name = node.pointee.name.map { String(cString: $0) } ?? ""
        let lineNode = node.pointee.type == XML_ATTRIBUTE_NODE ? (node.pointee.parent ?? node) : node
        element = lineNode.pointee.name.map { String(cString: $0) } ?? ""
        line = max(0, Int(xmlGetLineNo(lineNode)))
        value = ""
        if let buffer = xmlBufferCreate() {
            defer { xmlBufferFree(buffer) }
            if xmlNodeBufGetContent(buffer, node) == 0, let content = xmlBufferContent(buffer) {
                value = String(cString: content)
            }
        }
    }
}
