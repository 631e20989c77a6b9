/// "A", "A and B", "A, B and C" (GOV.UK style: no Oxford comma).
public func listed(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

/// "England" → "England's"; "the West Midlands" → "the West Midlands'".
public func possessive(_ name: String) -> String {
    name.hasSuffix("s") ? name + "'" : name + "'s"
}
