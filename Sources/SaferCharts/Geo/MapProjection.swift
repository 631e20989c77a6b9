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
    /// A point's triangle as the queue holds it: the least area first, then the earliest point,
    /// so the choice is the same as scanning the line for its least triangle. `version` tells a
    /// stale entry (the point's triangle changed since) from the current one.
    private struct Entry: Comparable {
        var area: Double
        var index: Int
        var version: Int
        static func < (a: Entry, b: Entry) -> Bool { a.area != b.area ? a.area < b.area : a.index < b.index }
    }

    static func simplify(_ line: [Point], minimumArea: Double) -> [Point] {
        let closed = line.count > 3 && line.first == line.last
        let keepAtLeast = closed ? 4 : 2
        guard line.count > keepAtLeast else { return line }
        // The points as a linked list over the line, and their triangles in a priority queue:
        // removing a point and finding the next least triangle cost a logarithm, not a scan of the
        // line (a million points in a straight line once never finished).
        var previous = Array(-1..<(line.count - 1)), next = Array(1...line.count)
        var version = [Int](repeating: 0, count: line.count)
        var areas = line.indices.map { index in index == 0 || index == line.count - 1 ? Double.infinity : triangle(line[index - 1], line[index], line[index + 1]) }
        var queue = MinimumQueue<Entry>()
        for index in 1..<(line.count - 1) { queue.push(Entry(area: areas[index], index: index, version: 0)) }
        var remaining = line.count
        var removed = [Bool](repeating: false, count: line.count)
        while remaining > keepAtLeast, let least = queue.pop() {
            guard !removed[least.index], least.version == version[least.index] else { continue }
            guard least.area < minimumArea else { break }
            let index = least.index
            removed[index] = true
            remaining -= 1
            let before = previous[index], after = next[index]
            next[before] = after
            previous[after] = before
            // A neighbour's triangle never counts as smaller than the one just removed (the
            // algorithm's rule), so a point is not taken before the points whose removal made it small.
            for neighbour in [before, after] where neighbour > 0 && neighbour < line.count - 1 {
                areas[neighbour] = max(triangle(line[previous[neighbour]], line[neighbour], line[next[neighbour]]), least.area)
                version[neighbour] += 1
                queue.push(Entry(area: areas[neighbour], index: neighbour, version: version[neighbour]))
            }
        }
        return line.indices.filter { !removed[$0] }.map { line[$0] }
    }

    private static func triangle(_ a: Point, _ b: Point, _ c: Point) -> Double {
        abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2
    }

}

/// A binary heap giving its least element first.
struct MinimumQueue<Element: Comparable> {
    private var items: [Element] = []

    mutating func push(_ item: Element) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let least = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return least
    }
}
