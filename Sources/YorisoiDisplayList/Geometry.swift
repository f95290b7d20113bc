// Geometry of the display list. Units are PostScript points (1/72 in); the origin is the page's
// top-left corner and y grows downward, as layout thinks. Only the writer flips to PDF space.

public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
}

public struct Size: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }

    /// ISO A4, 210 × 297 mm.
    public static let a4 = Size(width: 595.276, height: 841.89)
    /// JIS B5, 182 × 257 mm.
    public static let b5 = Size(width: 515.906, height: 728.504)
}

public struct Rect: Sendable, Hashable {
    public var origin: Point
    public var size: Size
    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }
}

/// Device colour. RGB is written as DeviceRGB, which the sRGB OutputIntent makes calibrated
/// (PDF/A-2b); gray is DeviceGray, also allowed under an OutputIntent. Components are 0…1.
public enum Color: Sendable, Hashable {
    case gray(Double)
    case rgb(red: Double, green: Double, blue: Double)

    public static let black = Color.gray(0)
    public static let white = Color.gray(1)
}
