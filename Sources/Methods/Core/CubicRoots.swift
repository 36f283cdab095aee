import Foundation

/// Real roots of the monic cubic x³ + a·x² + b·x + c (Cardano's formula, with the
/// trigonometric form when there are three real roots).
enum CubicRoots {
    static func real(a: Double, b: Double, c: Double) -> [Double] {
        let shift = a / 3
        let p = b - a * a / 3
        let q = 2 * a * a * a / 27 - a * b / 3 + c
        let discriminant = q * q / 4 + p * p * p / 27
        if discriminant > 0 {
            let root = discriminant.squareRoot()
            return [cbrt(-q / 2 + root) + cbrt(-q / 2 - root) - shift]
        }
        if p == 0 { return [-shift] }
        let radius = 2 * (-p / 3).squareRoot()
        let angle = acos(max(-1, min(1, 3 * q / (p * radius)))) / 3
        return (0..<3).map { radius * cos(angle - 2 * Double.pi * Double($0) / 3) - shift }
    }
}
