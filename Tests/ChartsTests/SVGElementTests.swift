import TestSupport
import Testing

@testable import Charts

@Suite struct SVGElementTests {
    @Test func textEscapesMarkupAndKeepsNonASCII() {
        #expect(
            XMLEscaping.text(#"a < b & c > "d" 'e' é µ 模型 🙂"#)
                == #"a &lt; b &amp; c &gt; "d" 'e' é µ 模型 🙂"#)
    }

    @Test func attributesAlsoEscapeQuotesAndLineBreaks() {
        #expect(
            XMLEscaping.attribute("say \"hi\" & 'bye'\n\tend\r")
                == "say &quot;hi&quot; &amp; &apos;bye&apos;&#10;&#9;end&#13;")
    }

    @Test func charactersXMLForbidsAreRemoved() {
        let garbage = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1B}[31mg\u{7F}h\u{85}i\u{FFFE}j\u{FFFF}k"
        #expect(XMLEscaping.text(garbage) == "abcdef[31mghijk")
        #expect(XMLEscaping.text("keep\ttab\nand line") == "keep\ttab\nand line")
    }

    @Test func elementsSerialiseWithOrderedAttributes() {
        var group = SVGElement("g", ["class": "x", "opacity": 0.5])
        group.append(SVGElement("rect", ["width": 10, "height": 2.25]))
        group.append(SVGElement("text", ["x": -0.0001], text: "5 < 6"))
        #expect(
            group.xml() == """
                <g class="x" opacity="0.5">
                <rect width="10" height="2.25"/>
                <text x="0">5 &lt; 6</text>
                </g>
                """)
    }

    @Test func setAttributeReplacesInPlaceAndRemoveDeletes() {
        var element = SVGElement("path", ["d": "M0 0", "stroke": "#000000", "fill": "none"])
        element.setAttribute("stroke", "#FFFFFF")
        element.setAttribute("stroke-width", 2)
        #expect(element.xml() == ##"<path d="M0 0" stroke="#FFFFFF" fill="none" stroke-width="2"/>"##)
        element.removeAttribute("fill")
        #expect(element.attribute("fill") == nil)
        #expect(element.xml() == ##"<path d="M0 0" stroke="#FFFFFF" stroke-width="2"/>"##)
    }

    @Test(arguments: [(0.00001, "0"), (-0.0, "0"), (1e-5, "0"), (12.3456, "12.35"), (-7.0, "-7"), (1e6, "1000000")])
    func numbersAreCompactAndNeverExponential(value: Double, expected: String) {
        #expect(SVGValue(value).text == expected)
    }

    @Test func xmlNamesAreChecked() {
        #expect(SVGElement.isXMLName("stroke-dasharray"))
        #expect(SVGElement.isXMLName("xlink:href"))
        #expect(!SVGElement.isXMLName("1st"))
        #expect(!SVGElement.isXMLName("a b"))
        #expect(!SVGElement.isXMLName(""))
    }

    @Test func escapedOutputParsesBackToTheOriginalText() throws {
        let label = #"loss <"train" & 'dev'> é 模型 🙂"#
        var root = SVGElement("svg", ["xmlns": "http://www.w3.org/2000/svg", "aria-label": SVGValue(label)])
        root.append(SVGElement("text", text: label + "\u{1}"))
        let tree = try MarkupTree.parse(root.xml())
        #expect(tree.attributes["aria-label"] == label)
        #expect(tree.children.first?.text == label)
    }
}
