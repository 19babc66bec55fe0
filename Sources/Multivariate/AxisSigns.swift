/// The sign rule for axes: an eigenvector or singular vector is only defined up to its sign, and
/// LAPACK's choice may change with the build. Each axis is turned so that its coordinate of
/// largest absolute value is positive (ties: the first such coordinate), which fixes the picture
/// and the bytes (docs/MULTIVARIATE.md).
public enum AxisSigns {
    /// Whether the axis with these coordinates must be flipped.
    public static func mustFlip<Coordinates: Collection<Double>>(_ coordinates: Coordinates) -> Bool {
        var largest = 0.0
        var sign = 1.0
        for value in coordinates where abs(value) > largest {
            largest = abs(value)
            sign = value < 0 ? -1 : 1
        }
        return sign < 0
    }
}
