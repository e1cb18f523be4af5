/// Sizes and colours shared by every SVG chart, in pixels at 1:1 scale.
enum Theme {
    /// DejaVu Sans first: `TextMetrics` measures with its widths.
    static let fontFamily = "DejaVu Sans, Verdana, Arial, sans-serif"
    static let tickFontSize = 12.0
    static let axisTitleFontSize = 13.0
    static let titleFontSize = 15.0
    static let legendFontSize = 12.0

    static let textColor = "#222222"
    static let axisColor = "#444444"
    static let gridColor = "#E6E6E6"
    static let background = "#FFFFFF"

    static let padding = 10.0
    static let tickLength = 5.0
    /// Space between a tick mark and its label.
    static let tickLabelGap = 3.0
    static let lineWidth = 1.8
    static let bandOpacity = 0.18
    static let markerRadius = 3.3

    /// The distance from a text's baseline to the vertical centre of its digits, for
    /// centring labels on a tick without `dominant-baseline` (unevenly supported).
    static func centringShift(_ fontSize: Double) -> Double { fontSize * 0.36 }
}
