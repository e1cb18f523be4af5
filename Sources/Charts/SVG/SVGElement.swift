/// A node of an SVG document: an element or a run of character data.
public enum SVGNode: Sendable, Equatable {
    case element(SVGElement)
    case text(String)
}

/// An attribute value, written once when the element is built: strings are kept as they
/// are (escaped on output), numbers are written compactly with at most two decimals
/// (`12.5`, `0`, `-3.25`; never `1e-05` or `-0`), so equal inputs give equal bytes.
public struct SVGValue: Sendable, Equatable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    public let text: String

    public init(_ text: String) { self.text = text }

    /// A coordinate or length. Precondition: finite.
    public init(_ number: Double) { text = DecimalText.compact(number, maxDecimals: 2) }

    public init(stringLiteral value: String) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }
    public init(floatLiteral value: Double) { self.init(value) }
}

/// One XML attribute, in the order it was given.
public struct SVGAttribute: Sendable, Equatable {
    public let name: String
    public let value: String
}

/// A small XML element model for SVG: a name, ordered attributes and children.
///
/// Serialisation is deterministic: attributes keep their order, text and attribute values
/// are escaped (see `XMLEscaping`), elements without children are self-closed, and an
/// element with element children puts each child on its own line (no indentation), which
/// keeps files diffable and small.
public struct SVGElement: Sendable, Equatable {
    public let name: String
    public private(set) var attributes: [SVGAttribute]
    public private(set) var children: [SVGNode]

    /// Precondition: `name` and the attribute names are XML names; they are always
    /// literals in the code, never user input.
    public init(
        _ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:],
        children: [SVGElement] = []
    ) {
        precondition(Self.isXMLName(name), "invalid element name \(name)")
        self.name = name
        self.attributes = []
        self.children = children.map(SVGNode.element)
        for (key, value) in attributes { setAttribute(key, value) }
    }

    /// An element whose only child is the text `text`, e.g. `<text x="4">label</text>`.
    public init(_ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:], text: String) {
        self.init(name, attributes)
        children = [.text(text)]
    }

    /// Sets `name` to `value`, replacing an earlier value and keeping its position.
    public mutating func setAttribute(_ name: String, _ value: SVGValue) {
        precondition(Self.isXMLName(name), "invalid attribute name \(name)")
        let attribute = SVGAttribute(name: name, value: value.text)
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index] = attribute
        } else {
            attributes.append(attribute)
        }
    }

    /// Removes the attribute `name`, if present.
    public mutating func removeAttribute(_ name: String) {
        attributes.removeAll { $0.name == name }
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public mutating func append(_ child: SVGElement) { children.append(.element(child)) }

    public mutating func append(contentsOf elements: [SVGElement]) {
        children.append(contentsOf: elements.map(SVGNode.element))
    }

    /// The element and its descendants as XML text.
    public func xml() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        out += "<"
        out += name
        for attribute in attributes {
            out += " "
            out += attribute.name
            out += "=\""
            out += XMLEscaping.attribute(attribute.value)
            out += "\""
        }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        let hasElements = children.contains { if case .element = $0 { true } else { false } }
        for child in children {
            switch child {
            case .text(let text): out += XMLEscaping.text(text)
            case .element(let element):
                if hasElements { out += "\n" }
                element.write(to: &out)
            }
        }
        if hasElements { out += "\n" }
        out += "</"
        out += name
        out += ">"
    }

    /// `[A-Za-z_][A-Za-z0-9._:-]*`: the ASCII subset of XML names that SVG uses.
    static func isXMLName(_ name: String) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        guard let first = name.unicodeScalars.first, isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            isLetter(scalar) || ("0"..."9").contains(scalar) || ".-:".unicodeScalars.contains(scalar)
        }
    }
}
