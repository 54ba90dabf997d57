import Foundation

/// An SVG drawing built element by element, rendered inline in an HTML page.
///
/// The markup has no `xmlns` attribute and no links, because HTML5 parses inline SVG without
/// them and the report must not reference anything outside the page.
struct SVGCanvas {
    let width: Double
    let height: Double
    let title: String
    private(set) var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    mutating func append(_ element: String) {
        elements.append(element)
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil, opacity: Double = 1) {
        let dashAttribute = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        let opacityAttribute = opacity < 1 ? " stroke-opacity=\"\(svgNumber(opacity))\"" : ""
        append("<line x1=\"\(svgNumber(x1))\" y1=\"\(svgNumber(y1))\" x2=\"\(svgNumber(x2))\" y2=\"\(svgNumber(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(svgNumber(width))\"\(dashAttribute)\(opacityAttribute)/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String,
                       stroke: String? = nil, opacity: Double = 1, tooltip: String? = nil) {
        let strokeAttribute = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let opacityAttribute = opacity < 1 ? " fill-opacity=\"\(svgNumber(opacity))\"" : ""
        let body = tooltip.map { "><title>\(escapeXML($0))</title></rect>" } ?? "/>"
        append("<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(max(0, width)))\" "
            + "height=\"\(svgNumber(max(0, height)))\" fill=\"\(fill)\"\(strokeAttribute)\(opacityAttribute)\(body)")
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String, stroke: String? = nil,
                         opacity: Double = 1, tooltip: String? = nil) {
        let strokeAttribute = stroke.map { " stroke=\"\($0)\" stroke-width=\"1.5\"" } ?? ""
        let opacityAttribute = opacity < 1 ? " fill-opacity=\"\(svgNumber(opacity))\"" : ""
        let body = tooltip.map { "><title>\(escapeXML($0))</title></circle>" } ?? "/>"
        append("<circle cx=\"\(svgNumber(x))\" cy=\"\(svgNumber(y))\" r=\"\(svgNumber(radius))\" "
            + "fill=\"\(fill)\"\(strokeAttribute)\(opacityAttribute)\(body)")
    }

    mutating func diamond(_ x: Double, _ y: Double, size: Double, fill: String, stroke: String, tooltip: String? = nil) {
        let points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
            .map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
        let body = tooltip.map { "><title>\(escapeXML($0))</title></polygon>" } ?? "/>"
        append("<polygon points=\"\(points)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\"\(body)")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        let coordinates = points.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
        let dashAttribute = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(svgNumber(width))\" stroke-linejoin=\"round\"\(dashAttribute)/>")
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       weight: String = "normal", fill: String = "#222", rotate: Double? = nil) {
        let rotation = rotate.map { " transform=\"rotate(\(svgNumber($0)) \(svgNumber(x)) \(svgNumber(y)))\"" } ?? ""
        append("<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" text-anchor=\"\(anchor.rawValue)\" "
            + "font-size=\"\(svgNumber(size))\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(rotation)>"
            + "\(escapeXML(content))</text>")
    }

    func render() -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" role=\"img\" "
            + "aria-label=\"\(escapeXML(title))\" font-family=\"system-ui, sans-serif\">\n"
            + "<title>\(escapeXML(title))</title>\n"
            + elements.joined(separator: "\n") + "\n</svg>"
    }
}

/// A map from data values to pixel positions along one axis.
struct LinearScale {
    let domainLower: Double
    let domainUpper: Double
    let rangeLower: Double
    let rangeUpper: Double

    func callAsFunction(_ value: Double) -> Double {
        guard domainUpper != domainLower else { return (rangeLower + rangeUpper) / 2 }
        let fraction = (value - domainLower) / (domainUpper - domainLower)
        return rangeLower + fraction * (rangeUpper - rangeLower)
    }

    /// Ticks at round values (multiples of 1, 2 or 5 times a power of ten) within the domain.
    func ticks(count: Int = 6) -> [Double] {
        niceTicks(lower: domainLower, upper: domainUpper, count: count)
    }
}

/// Returns a domain widened to round tick values around `lower...upper`, at least one unit
/// wide when the two are equal.
func niceDomain(lower: Double, upper: Double, count: Int = 6) -> (Double, Double) {
    var lower = lower
    var upper = upper
    if lower == upper {
        let pad = max(1, abs(lower) * 0.1)
        lower -= pad
        upper += pad
    }
    let step = niceStep(span: upper - lower, count: count)
    return ((lower / step).rounded(.down) * step, (upper / step).rounded(.up) * step)
}

func niceStep(span: Double, count: Int) -> Double {
    let (factor, exponent) = niceStepParts(span: span, count: count)
    return Double(factor) * pow(10, Double(exponent))
}

// Splits the tick step into a factor of 1, 2 or 5 and a power of ten.
private func niceStepParts(span: Double, count: Int) -> (factor: Int, exponent: Int) {
    let raw = span / Double(max(1, count))
    let exponent = Int(log10(raw).rounded(.down))
    let normalized = raw / pow(10, Double(exponent))
    if normalized <= 1 { return (1, exponent) }
    if normalized <= 2 { return (2, exponent) }
    if normalized <= 5 { return (5, exponent) }
    return (1, exponent + 1)
}

func niceTicks(lower: Double, upper: Double, count: Int) -> [Double] {
    guard upper > lower, lower.isFinite, upper.isFinite else { return [lower] }
    let (factor, exponent) = niceStepParts(span: upper - lower, count: count)
    let step = Double(factor) * pow(10, Double(exponent))

    // Dividing whole numbers by an exact power of ten gives 0.6, not 3 * 0.2 = 0.6000000000000001.
    func tick(_ index: Int) -> Double {
        exponent >= 0 ? Double(index) * step : Double(index * factor) / pow(10, Double(-exponent))
    }
    var ticks: [Double] = []
    var index = Int((lower / step).rounded(.up))
    while tick(index) <= upper + step * 1e-9 {
        ticks.append(tick(index))
        index += 1
    }
    return ticks
}

/// Formats a tick label compactly: `1.5k` for thousands, no trailing zeros.
func tickLabel(_ value: Double) -> String {
    // Adding zero turns -0 into 0, which would otherwise print as "-0".
    let value = value + 0
    let magnitude = abs(value)
    if magnitude >= 10_000 {
        return trimmed(String(format: "%.1f", value / 1000)) + "k"
    }
    if magnitude >= 100 || value == value.rounded() {
        return String(format: "%.0f", value)
    }
    return trimmed(String(format: "%.3f", value))
}

private func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var text = text
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// Formats a coordinate with at most two decimals, so the markup stays short.
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded() { return String(Int(value)) }
    return trimmed(String(format: "%.2f", value))
}

/// Escapes the five characters XML gives meaning to.
func escapeXML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}

/// Colors for strategies: the Okabe–Ito palette, which stays distinguishable for the common
/// kinds of color blindness, with its yellow moved last because it is faint on white.
enum StrategyPalette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"]

    static func color(_ index: Int) -> String {
        colors[index % colors.count]
    }
}
