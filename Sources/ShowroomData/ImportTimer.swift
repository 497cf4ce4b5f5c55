/// Wall-clock timing of an import, reported as seconds and rows per second (BENCHMARKS.md
/// quotes these; they are measurements, never asserted by tests).
struct ImportTimer {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init() { start = clock.now }

    /// Seconds since the timer started.
    var elapsedSeconds: Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `rows` divided by the elapsed time (0 when no time has passed).
    func rate(_ rows: Int) -> Double {
        let s = elapsedSeconds
        return s > 0 ? Double(rows) / s : 0
    }
}
