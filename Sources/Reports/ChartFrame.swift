import Foundation

/// The plot area of a chart with its scales, and the axes, grid and legend drawn around it.
struct ChartFrame {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    let x: LinearScale
    let y: LinearScale

    var right: Double { left + width }
    var bottom: Double { top + height }

    init(left: Double, top: Double, width: Double, height: Double,
         xDomain: (Double, Double), yDomain: (Double, Double)) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        x = LinearScale(domainLower: xDomain.0, domainUpper: xDomain.1, rangeLower: left, rangeUpper: left + width)
        y = LinearScale(domainLower: yDomain.0, domainUpper: yDomain.1, rangeLower: top + height, rangeUpper: top)
    }

    /// Draws the x axis with grid lines, tick labels and the axis title below the plot.
    func drawXAxis(on canvas: inout SVGCanvas, title: String, ticks: [Double]? = nil,
                   label: (Double) -> String = tickLabel) {
        for tick in ticks ?? x.ticks() {
            let position = x(tick)
            canvas.line(position, top, position, bottom, stroke: "#e3e3e3")
            canvas.line(position, bottom, position, bottom + 5, stroke: "#555")
            canvas.text(label(tick), x: position, y: bottom + 18, anchor: .middle, size: 11, fill: "#444")
        }
        canvas.line(left, bottom, right, bottom, stroke: "#555")
        canvas.text(title, x: left + width / 2, y: bottom + 38, anchor: .middle, size: 12, fill: "#333")
    }

    /// Draws the y axis with grid lines, tick labels and a rotated axis title left of the plot.
    func drawYAxis(on canvas: inout SVGCanvas, title: String, ticks: [Double]? = nil,
                   label: (Double) -> String = tickLabel) {
        for tick in ticks ?? y.ticks() {
            let position = y(tick)
            canvas.line(left, position, right, position, stroke: "#e3e3e3")
            canvas.line(left - 5, position, left, position, stroke: "#555")
            canvas.text(label(tick), x: left - 8, y: position + 4, anchor: .end, size: 11, fill: "#444")
        }
        canvas.line(left, top, left, bottom, stroke: "#555")
        canvas.text(title, x: left - 52, y: top + height / 2, anchor: .middle, size: 12, fill: "#333", rotate: -90)
    }
}

/// One entry of a chart legend.
struct LegendItem {
    enum Mark {
        case line(dash: String?)
        case dot
        case hollowDot
        case diamond
        case box
    }

    var label: String
    var color: String
    var mark: Mark
}

/// Draws legend entries left to right, wrapping at `maxWidth`.
///
/// - Returns: The height the legend took.
@discardableResult
func drawLegend(_ items: [LegendItem], on canvas: inout SVGCanvas, x: Double, y: Double, maxWidth: Double) -> Double {
    var cursorX = x
    var cursorY = y
    for item in items {
        // About 6.5 pixels per character at font size 12 keeps entries from overlapping.
        let itemWidth = 30 + Double(item.label.count) * 6.5 + 18
        if cursorX + itemWidth > x + maxWidth, cursorX > x {
            cursorX = x
            cursorY += 20
        }
        let markY = cursorY - 4
        switch item.mark {
        case .line(let dash):
            canvas.line(cursorX, markY, cursorX + 22, markY, stroke: item.color, width: 2.5, dash: dash)
        case .dot:
            canvas.circle(cursorX + 11, markY, radius: 5, fill: item.color)
        case .hollowDot:
            canvas.circle(cursorX + 11, markY, radius: 5, fill: "#fff", stroke: item.color)
        case .diamond:
            canvas.diamond(cursorX + 11, markY, size: 6, fill: "#fff", stroke: item.color)
        case .box:
            canvas.rect(cursorX + 4, markY - 6, 14, 12, fill: item.color, stroke: "#888")
        }
        canvas.text(item.label, x: cursorX + 28, y: cursorY, size: 12)
        cursorX += itemWidth
    }
    return cursorY - y + 20
}
