/// Spreads labels along one axis so none overlap while each stays as near as possible to the
/// point it names, keeping their order (so leader lines never cross). Like Plot's dodge.
enum LabelDodger {
    /// - Parameters:
    ///   - wanted: the centre each label would like, in order along the axis.
    ///   - sizes: each label's extent along the axis.
    ///   - minimum: the lowest coordinate a label may start at.
    ///   - maximum: the preferred highest coordinate a label may end at; exceeded (and the chart
    ///     grows) only when the labels cannot fit at all.
    /// - Returns: the centre given to each label.
    static func spread(wanted: [Double], sizes: [Double], gap: Double, minimum: Double, maximum: Double) -> [Double] {
        var centers = wanted
        guard !centers.isEmpty else { return [] }
        // Push down past the previous label.
        var floor = minimum
        for index in centers.indices {
            centers[index] = max(centers[index], floor + sizes[index] / 2)
            floor = centers[index] + sizes[index] / 2 + gap
        }
        // Pull back up from the far end if that ran past `maximum`, without crossing `minimum`.
        var ceiling = maximum
        for index in centers.indices.reversed() {
            centers[index] = min(centers[index], ceiling - sizes[index] / 2)
            ceiling = centers[index] - sizes[index] / 2 - gap
        }
        // If pulling up crowded the start, push down once more (the end may now pass `maximum`).
        floor = minimum
        for index in centers.indices {
            centers[index] = max(centers[index], floor + sizes[index] / 2)
            floor = centers[index] + sizes[index] / 2 + gap
        }
        return centers
    }
}
