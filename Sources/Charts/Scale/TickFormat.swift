/// How the tick labels of an axis are written.
public enum TickFormat: Sendable, Equatable {
    /// Decimal numbers with as many decimals as the tick step needs (`0.25`, `1500`);
    /// scientific (`2.5×10⁻⁷`) for steps below 10⁻⁴ and values from 10⁶ up.
    case number
    /// Like `number`, but ticks only at whole numbers (epochs).
    case integer
    /// Fractions as percentages: `0.925` → `92.5%` (accuracies).
    case percent
    /// Counts with SI prefixes: `1500` → `1.5k`, `2000000` → `2M`; whole-number ticks
    /// (batch sizes, parameter counts, samples).
    case si

    /// Whether ticks must fall on whole numbers.
    var wholeNumbers: Bool { self == .integer || self == .si }

    /// Labels for linear ticks, all multiples of `step`, written with one shared notation
    /// so that they line up (`0.5`, `1.0`, `1.5`).
    func labels(for values: [Double], step: NiceStep) -> [String] {
        let scaled = self == .percent ? values.map { $0 * 100 } : values
        let resolution =
            self == .percent ? NiceStep(mantissaIndex: step.mantissaIndex, exponent: step.exponent + 2) : step
        let largest = scaled.map(abs).max() ?? 0
        let notation = Notation.choose(for: self, largest: largest, resolution: resolution)
        return scaled.map { notation.write($0, resolution: resolution) + (self == .percent ? "%" : "") }
    }

    /// The label of one log tick m × 10^k, in the notation that suits its own magnitude.
    func label(for tick: LogTicks.Tick) -> String {
        let exponent = tick.exponent + (self == .percent ? 2 : 0)
        let index = NiceStep.mantissas.firstIndex(of: Double(tick.mantissa)) ?? 0
        // Mantissas 3, 4, 6, … are not step mantissas; they need no more decimals than 1.
        let resolution = NiceStep(mantissaIndex: index, exponent: exponent)
        let value = Double(tick.mantissa) * power10(exponent)
        let notation = Notation.choose(for: self, largest: value, resolution: resolution)
        return notation.write(value, resolution: resolution) + (self == .percent ? "%" : "")
    }
}

/// The way a set of labels is written: plain decimals, a power of ten factored out, or
/// an SI prefix.
private enum Notation {
    case plain
    case scientific(exponent: Int)
    case prefixed(power: Int)

    static let prefixes = ["", "k", "M", "G", "T"]

    static func choose(for format: TickFormat, largest: Double, resolution: NiceStep) -> Notation {
        let decade = largest > 0 ? decadeExponent(of: largest) : 0
        if format == .si && decade >= 3 && decade < 15 {
            return .prefixed(power: decade / 3)
        }
        if decade >= 6 || resolution.decimals > 4 {
            return .scientific(exponent: largest > 0 ? decade : resolution.exponent)
        }
        return .plain
    }

    func write(_ value: Double, resolution: NiceStep) -> String {
        switch self {
        case .plain:
            return DecimalText.fixed(value, decimals: resolution.decimals)
        case .prefixed(let power):
            let text = DecimalText.fixed(
                value / power10(3 * power), decimals: resolution.decimals(inUnitsOf: 3 * power))
            return value == 0 ? "0" : text + Self.prefixes[power]
        case .scientific(let exponent):
            if value == 0 { return "0" }
            let mantissa = DecimalText.fixed(
                value / power10(exponent), decimals: resolution.decimals(inUnitsOf: exponent))
            return (mantissa == "1" ? "" : mantissa + "×") + "10" + superscript(exponent)
        }
    }
}

/// `-7` → `⁻⁷`.
func superscript(_ number: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(String(number.magnitude).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    return number < 0 ? "⁻" + body : body
}
