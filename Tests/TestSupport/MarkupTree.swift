import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a document parsed back with Foundation's `XMLParser`: the proof that
/// an SVG file or an HTML page written as well-formed markup is well-formed, and its
/// elements for checks.
public struct MarkupTree: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [MarkupTree]
    /// The text inside the element, its descendants' included, in document order.
    public var text: String

    /// This element and every element inside it, depth first, in document order.
    public var descendants: [MarkupTree] { [self] + children.flatMap(\.descendants) }

    /// The elements called `name`, this one included.
    public func all(_ name: String) -> [MarkupTree] { descendants.filter { $0.name == name } }

    /// The elements whose `class` attribute lists `name`, this one included.
    public func all(withClass name: String) -> [MarkupTree] {
        descendants.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Parses `markup`.
    ///
    /// - Throws: `ParseError` with the parser's line and reason when it is not well-formed.
    public static func parse(_ markup: String) throws -> MarkupTree {
        let parser = XMLParser(data: Data(markup.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(
                description: "not well-formed at line \(parser.lineNumber): "
                    + (parser.parserError.map { "\($0)" } ?? "no root element"))
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var open: [MarkupTree] = []
        var root: MarkupTree?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(MarkupTree(name: name, attributes: attributes, children: [], text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !open.isEmpty else { return }
            open[open.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = open.popLast() else { return }
            if open.isEmpty {
                root = element
            } else {
                open[open.count - 1].children.append(element)
                open[open.count - 1].text += element.text
            }
        }
    }
}
