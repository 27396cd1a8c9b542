import Foundation
import ServiceLifecycle
import UnixSignals

/// `SpoolDaemon` as a swift-service-lifecycle `Service`.
///
/// Threads: `run()` is a task of the `ServiceGroup`. It starts the daemon's control thread
/// (`articled-control`, which runs `SpoolDaemon.run()` and, from it, the workers) and suspends
/// until that thread returns. Meanwhile a child task reads SIGHUP from a `UnixSignalsSequence`
/// and asks the daemon to reload; graceful shutdown (SIGTERM/SIGINT, handled by the group) and
/// cancellation ask it to stop. The task never touches the daemon's state: it only calls the
/// daemon's two thread-safe requests.
public struct ArticledService: Service {
    let daemon: SpoolDaemon

    public init(daemon: SpoolDaemon) { self.daemon = daemon }

    public func run() async throws {
        // No signal(SIGHUP, SIG_IGN) here: Dispatch, under the sequence, installs its own handler
        // once per process, and setting SIG_IGN afterwards would silence every later sequence.
        let hangUps = await UnixSignalsSequence(trapping: .sighup)
        let daemon = self.daemon
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in hangUps { daemon.requestReload() }
            }
            defer { group.cancelAll() }
            try await withTaskCancellationHandler {
                try await withGracefulShutdownHandler {
                    try await Self.runOnControlThread(daemon)
                } onGracefulShutdown: {
                    daemon.requestStop()
                }
            } onCancel: {
                daemon.requestStop()
            }
        }
    }

    /// Runs `daemon.run()` on a thread of its own (it blocks in poll(2), which must not hold a
    /// thread of the concurrency pool) and resumes when it returns.
    private static func runOnControlThread(_ daemon: SpoolDaemon) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    try daemon.run()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "articled-control"
            thread.start()
        }
    }
}
