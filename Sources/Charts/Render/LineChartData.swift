/// The data of a line chart resolved for drawing, shared by the SVG and text renderers.
extension LineChart {
    /// The series cleaned for drawing, each bound to the axis it is measured against:
    /// without a secondary axis, every series is measured against the left one.
    var plottedSeries: [PlottedSeries] {
        series.enumerated().map { index, series in
            let right = secondaryYAxis.flatMap { series.axis == .right ? $0 : nil }
            return PlottedSeries(
                series, index: index, side: right == nil ? .left : .right,
                xScale: xAxis.scale, yScale: (right ?? yAxis).scale)
        }
    }

    /// The values a y axis must show: data and band edges of its series.
    func yValues(_ plotted: [PlottedSeries], side: Series.AxisSide) -> [Double] {
        let axis = side == .left ? yAxis : (secondaryYAxis ?? yAxis)
        return plotted.filter { $0.side == side }.flatMap { $0.yValues(on: axis.scale) }
    }

    /// The y axes resolved for the data, with at most `maxTicks` ticks each.
    func yScales(_ plotted: [PlottedSeries], maxTicks: Int) -> (left: AxisScale, right: AxisScale?) {
        let left = AxisScale(axis: yAxis, values: yValues(plotted, side: .left), fit: .nice, maxTicks: maxTicks)
        let right = secondaryYAxis.map {
            AxisScale(axis: $0, values: yValues(plotted, side: .right), fit: .nice, maxTicks: maxTicks)
        }
        return (left, right)
    }

    /// The x axis for a plot `length` units long: up to `maxTicks` ticks, fewer while
    /// the labels (`labelWidth` wide, centred on their ticks) would come closer than `gap`.
    func xScale(
        _ plotted: [PlottedSeries], length: Double, maxTicks: Int, gap: Double, labelWidth: (String) -> Double
    ) -> AxisScale {
        let values = plotted.flatMap(\.xValues)
        var maxTicks = maxTicks
        while true {
            let scale = AxisScale(axis: xAxis, values: values, fit: .padded, maxTicks: maxTicks)
            let extents = scale.ticks.map { tick in
                let center = scale.fraction(tick.value) * length
                let half = labelWidth(tick.label) / 2
                return (center - half, center + half)
            }
            let overlaps = zip(extents, extents.dropFirst()).contains { $0.1 + gap > $1.0 }
            if !overlaps || maxTicks <= 2 { return scale }
            maxTicks -= 1
        }
    }
}
