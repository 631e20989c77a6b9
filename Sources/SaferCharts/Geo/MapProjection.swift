import Foundation
import SaferCore

/// Longitude and latitude onto the chart's plane, fitted to its width, north up. At a borough's
/// scale the earth is flat enough that an equirectangular projection centred on the area —
/// longitude scaled by the cosine of the middle latitude — keeps shapes true to well under one
/// per cent, which no reader can see; a conic projection would change nothing visible.
struct MapProjection {
    private let west: Double, north: Double, cosine: Double, scale: Double
    let origin: Point
    let width: Double
    let height: Double

    init(fitting topology: Topology, width: Double, top: Double) {
        let extent = topology.extent
        let west = extent.lon.lowerBound, east = extent.lon.upperBound, south = extent.lat.lowerBound, north = extent.lat.upperBound
        cosine = cos((south + north) / 2 * .pi / 180)
        self.west = west
        self.north = north
        let spanX = max((east - west) * cosine, 1e-9), spanY = max(north - south, 1e-9)
        // A tall area is kept to one and a half times the width, so it still fits a phone's screen.
        scale = min(width / spanX, width * 1.5 / spanY)
        self.width = width
        height = spanY * scale
        origin = Point(x: (width - spanX * scale) / 2, y: top)
    }

    func project(_ position: LonLat) -> Point {
        Point(x: origin.x + (position.lon - west) * cosine * scale, y: origin.y + (north - position.lat) * scale)
    }
}

/// Visvalingam–Whyatt simplification of one line: the point that makes the smallest triangle
/// with its neighbours goes first, until every triangle left is at least `minimumArea` (in the
/// plane's square units). The ends stay, so lines that meet still meet; a closed line keeps at
/// least a triangle. Run on each shared arc once, so neighbouring areas keep the same border.
enum LineSimplifier {
    static func simplify(_ line: [Point], minimumArea: Double) -> [Point] {
        let closed = line.count > 3 && line.first == line.last
        let keepAtLeast = closed ? 4 : 2
        guard line.count > keepAtLeast else { return line }
        var points = line
        var areas = points.indices.map { area(at: $0, in: points) }
        while points.count > keepAtLeast {
            // The least triangle among the inner points (ties: the first, so it is deterministic).
            var least = -1
            for index in 1..<(points.count - 1) where least < 0 || areas[index] < areas[least] { least = index }
            guard least > 0, areas[least] < minimumArea else { break }
            let removed = areas[least]
            points.remove(at: least)
            areas.remove(at: least)
            // A neighbour's triangle never counts as smaller than the one just removed (the
            // algorithm's rule), so a point is not taken before the points whose removal made it small.
            for neighbour in [least - 1, least] where neighbour > 0 && neighbour < points.count - 1 {
                areas[neighbour] = max(area(at: neighbour, in: points), removed)
            }
        }
        return points
    }

    private static func area(at index: Int, in points: [Point]) -> Double {
        guard index > 0, index < points.count - 1 else { return .infinity }
        let a = points[index - 1], b = points[index], c = points[index + 1]
        return abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2
    }
}
