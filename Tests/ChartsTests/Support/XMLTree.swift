import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document parsed back with Foundation's `XMLParser`: proof that the text is
/// well-formed, and a tree for structure checks.
struct XMLTree: Equatable {
    var name: String
    var attributes: [String: String]
    var children: [XMLTree]
    var text: String

    /// Every element of the tree (this one included), depth first, in document order.
    var allElements: [XMLTree] { [self] + children.flatMap(\.allElements) }

    func elements(named name: String) -> [XMLTree] { allElements.filter { $0.name == name } }

    func elements(withClass name: String) -> [XMLTree] {
        allElements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ xml: String) throws -> XMLTree {
        let parser = XMLParser(data: Data(xml.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            stack.append(XMLTree(name: elementName, attributes: attributes, children: [], text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
