import Foundation
import ServiceLifecycle

/// `SpoolDaemon` as a swift-service-lifecycle `Service`: `run()` runs the daemon's control loop
/// on its own thread and returns when it stops; graceful shutdown (SIGTERM) and cancellation
/// both ask it to stop. SIGHUP is trapped here and turned into a reload.
public struct ArticledService: Service {
    let daemon: SpoolDaemon

    public init(daemon: SpoolDaemon) { self.daemon = daemon }

    public func run() async throws {
        signal(SIGHUP, SIG_IGN)
        let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hangUp.setEventHandler { [daemon] in daemon.requestReload() }
        hangUp.resume()
        defer { hangUp.cancel() }

        let daemon = self.daemon
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
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
            } onGracefulShutdown: {
                daemon.requestStop()
            }
        } onCancel: {
            daemon.requestStop()
        }
    }
}
