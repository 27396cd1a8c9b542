/// A monotonic time source the caller hands to the pipeline.
///
/// The analysis library reads no clock of its own (it must give the same `Analysis` for the same
/// bytes wherever it runs); callers that want `timing_ms` pass one in.
public protocol StageClock: Sendable {
    /// Monotonic nanoseconds; only differences are used.
    func nanoseconds() -> UInt64
}

/// Time spent per pipeline stage, in the order the stages ran.
public struct StageTimings: Sendable, Equatable {
    public var stages: [(name: String, milliseconds: Double)] = []
    public var totalMilliseconds: Double { stages.reduce(0) { $0 + $1.milliseconds } }

    public init() {}

    public static func == (lhs: StageTimings, rhs: StageTimings) -> Bool {
        lhs.stages.map(\.name) == rhs.stages.map(\.name)
            && lhs.stages.map(\.milliseconds) == rhs.stages.map(\.milliseconds)
    }
}

/// Runs stages and records how long each took when a clock is present.
struct StageRecorder {
    let clock: (any StageClock)?
    private(set) var timings = StageTimings()

    init(clock: (any StageClock)?) { self.clock = clock }

    mutating func run<T, Failure: Error>(_ name: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        guard let clock else { return try body() }
        let start = clock.nanoseconds()
        let result = try body()
        timings.stages.append((name, Double(clock.nanoseconds() &- start) / 1_000_000))
        return result
    }
}
