/// Returns a count with its noun in the matching number, such as "1 strategy" or "3 strategies".
///
/// - Parameters:
///   - count: The number of things.
///   - singular: The noun for one thing.
///   - plural: The noun for any other count; the singular with an "s" appended when omitted.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
