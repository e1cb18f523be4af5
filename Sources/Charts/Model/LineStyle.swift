/// How a series is drawn: colour, dash pattern and marker shape.
///
/// Colours are the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies; its yellow is left out, too faint on white). Dashes and markers vary
/// with the colour, so series stay apart in greyscale print too. `automatic(_:)` cycles
/// all three with coprime periods (7 colours, 5 dashes, 5 markers): the first 35 series
/// all look different. Text charts, which may have neither colour nor dashes, give each
/// automatic style its own symbol instead (`textSymbols`: 47 distinct).
public struct LineStyle: Sendable, Equatable {
    public enum Color: Int, Sendable, CaseIterable {
        case blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, black

        /// The sRGB colour as `#RRGGBB`.
        public var hex: String {
            switch self {
            case .blue: "#0072B2"
            case .vermillion: "#D55E00"
            case .bluishGreen: "#009E73"
            case .reddishPurple: "#CC79A7"
            case .orange: "#E69F00"
            case .skyBlue: "#56B4E9"
            case .black: "#000000"
            }
        }

        /// The nearest of the eight basic ANSI terminal colours (SGR foreground code);
        /// black maps to the terminal's default colour, which is visible on dark themes.
        var ansiCode: Int {
            switch self {
            case .blue: 34
            case .vermillion: 31
            case .bluishGreen: 32
            case .reddishPurple: 35
            case .orange: 33
            case .skyBlue: 36
            case .black: 39
            }
        }
    }

    public enum Dash: Int, Sendable, CaseIterable {
        case solid, dashed, dotted, dashDot, longDash

        /// The SVG `stroke-dasharray` in pixels, `nil` for a solid line.
        var pattern: String? {
            switch self {
            case .solid: nil
            case .dashed: "6 4"
            case .dotted: "2 2.5"
            case .dashDot: "8 3 2 3"
            case .longDash: "13 4"
            }
        }
    }

    public enum Marker: Int, Sendable, CaseIterable {
        case circle, square, triangle, diamond, invertedTriangle

        /// The ASCII stand-in used by text charts.
        var glyph: Character {
            switch self {
            case .circle: "o"
            case .square: "#"
            case .triangle: "^"
            case .diamond: "*"
            case .invertedTriangle: "v"
            }
        }
    }

    public var color: Color
    public var dash: Dash
    public var marker: Marker
    /// The character that stands for the series in text charts and their legends, where
    /// colour may be missing (a pipe, `NO_COLOR`) and dashes cannot be drawn: the
    /// marker's ASCII stand-in unless `automatic(_:)` chose one of `textSymbols`.
    public var symbol: Character

    public init(color: Color, dash: Dash = .solid, marker: Marker = .circle, symbol: Character? = nil) {
        self.color = color
        self.dash = dash
        self.marker = marker
        self.symbol = symbol ?? marker.glyph
    }

    /// The text charts' symbols of the automatic styles, all distinct: the five markers'
    /// stand-ins and seven more punctuation marks, then the capital letters, then the
    /// digits. Series past the last (the 48th on) take them again from the start.
    public static let textSymbols: [Character] =
        Marker.allCases.map(\.glyph) + ["+", "x", "%", "@", "&", "=", "~"]
        + (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { Character(UnicodeScalar($0)) }
        + (UInt8(ascii: "1")...UInt8(ascii: "9")).map { Character(UnicodeScalar($0)) }

    /// The style of the series at position `index` (≥ 0) when none is given.
    public static func automatic(_ index: Int) -> LineStyle {
        precondition(index >= 0, "negative series index")
        return LineStyle(
            color: Color.allCases[index % Color.allCases.count],
            dash: Dash.allCases[index % Dash.allCases.count],
            marker: Marker.allCases[index % Marker.allCases.count],
            symbol: textSymbols[index % textSymbols.count])
    }
}
