/// A position on the earth in degrees, in GeoJSON's order: longitude, then latitude.
public struct LonLat: Sendable, Hashable {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// Areas' shapes as TopoJSON keeps them: every line ("arc") once, and each area's rings as the
/// arcs that make them, so a border two areas share is one line — drawn, simplified and rounded
/// once, it can never open a gap or an overlap between them. The data reads boundary files into
/// this (`BoundaryFile`), the charts project and draw it (`MapChart`).
public struct Topology: Sendable, Equatable {
    public var arcs: [[LonLat]]
    public var shapes: [Shape]

    public init(arcs: [[LonLat]], shapes: [Shape]) {
        self.arcs = arcs
        self.shapes = shapes
    }

    /// One arc of a ring, walked from its first point or (reversed) from its last.
    public struct ArcUse: Sendable, Hashable {
        public var arc: Int
        public var reversed: Bool

        public init(arc: Int, reversed: Bool) {
            self.arc = arc
            self.reversed = reversed
        }
    }

    /// One area: its code (as the data names it), its name, and its polygons, each an outer ring
    /// then any holes, each ring the arcs that make it in order.
    public struct Shape: Sendable, Equatable {
        public var code: String
        public var name: String
        public var polygons: [[[ArcUse]]]

        public init(code: String, name: String, polygons: [[[ArcUse]]]) {
            self.code = code
            self.name = name
            self.polygons = polygons
        }
    }

    /// The westernmost, easternmost, southernmost and northernmost of every arc's points.
    public var extent: (lon: ClosedRange<Double>, lat: ClosedRange<Double>) {
        var west = Double.infinity, east = -Double.infinity, south = Double.infinity, north = -Double.infinity
        for arc in arcs {
            for point in arc {
                west = min(west, point.lon); east = max(east, point.lon)
                south = min(south, point.lat); north = max(north, point.lat)
            }
        }
        return west <= east ? (west...east, south...north) : (0...0, 0...0)
    }

    /// A ring's points, its arcs joined (each arc's first point is the previous arc's last).
    public func points(of ring: [ArcUse]) -> [LonLat] {
        var points: [LonLat] = []
        for use in ring {
            let arc = use.reversed ? arcs[use.arc].reversed() : arcs[use.arc]
            points += points.isEmpty ? arc : Array(arc.dropFirst())
        }
        return points
    }

    /// Rings given as points (GeoJSON's way) turned into arcs: each ring is cut where lines meet
    /// (a point with more than two neighbours, over every ring), and a piece that another ring
    /// already has, either way round, is that ring's arc. This is TopoJSON's own method.
    public init(rings shapes: [(code: String, name: String, polygons: [[[LonLat]]])]) {
        var neighbours: [LonLat: Set<LonLat>] = [:]
        let closedRings = shapes.flatMap { $0.polygons.flatMap { $0 } }.map(Self.open)
        for ring in closedRings where ring.count > 1 {
            for (index, point) in ring.enumerated() {
                neighbours[point, default: []].insert(ring[(index + ring.count - 1) % ring.count])
                neighbours[point, default: []].insert(ring[(index + 1) % ring.count])
            }
        }
        var arcs: [[LonLat]] = []
        var known: [[LonLat]: Int] = [:]
        func use(_ piece: [LonLat]) -> ArcUse {
            if let index = known[piece] { return ArcUse(arc: index, reversed: false) }
            if let index = known[piece.reversed()] { return ArcUse(arc: index, reversed: true) }
            arcs.append(piece)
            known[piece] = arcs.count - 1
            return ArcUse(arc: arcs.count - 1, reversed: false)
        }
        let made = shapes.map { shape in
            Shape(code: shape.code, name: shape.name, polygons: shape.polygons.map { polygon in
                polygon.map { closed -> [ArcUse] in
                    let ring = Self.open(closed)
                    guard !ring.isEmpty else { return [] }
                    let cuts = ring.indices.filter { (neighbours[ring[$0]]?.count ?? 0) > 2 }
                    // A ring that meets no other line is one arc, started at its least point so the
                    // same loop met again (an enclave's hole and the enclave) gives the same arc.
                    guard let first = cuts.first else {
                        let start = ring.indices.min { Self.less(ring[$0], ring[$1]) }!
                        let rotated = Array(ring[start...] + ring[..<start])
                        let loop = rotated + [rotated[0]]
                        if let index = known[loop] { return [ArcUse(arc: index, reversed: false)] }
                        let reversedLoop = [rotated[0]] + rotated.dropFirst().reversed() + [rotated[0]]
                        if let index = known[reversedLoop] { return [ArcUse(arc: index, reversed: true)] }
                        return [use(loop)]
                    }
                    let rotated = Array(ring[first...] + ring[..<first]) + [ring[first]]
                    var uses: [ArcUse] = []
                    var start = 0
                    for index in 1..<rotated.count where index == rotated.count - 1 || (neighbours[rotated[index]]?.count ?? 0) > 2 {
                        uses.append(use(Array(rotated[start...index])))
                        start = index
                    }
                    return uses
                }
            })
        }
        self.init(arcs: arcs, shapes: made)
    }

    /// A ring without its closing point (GeoJSON repeats the first point at the end).
    private static func open(_ ring: [LonLat]) -> [LonLat] {
        ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
    }

    private static func less(_ a: LonLat, _ b: LonLat) -> Bool { a.lon != b.lon ? a.lon < b.lon : a.lat < b.lat }
}
