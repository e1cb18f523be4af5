import FlyingSocks
import Foundation

/// FlyingFox's socket pool, with Nagle's algorithm turned off on every socket it waits
/// on. FlyingFox writes a response's header and its body in two writes; with Nagle on,
/// the body waits until the client acknowledges the header, which a client delays by
/// up to 40 ms on Linux, so every page on a kept-alive connection took at least 40 ms
/// (a 2 ms run page: 44 ms at 4 connections). The listening socket is among those
/// waited on, and Linux gives each accepted socket the listener's setting.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        Self.disableNagle(socket.file.rawValue)
        try await base.suspendSocket(socket, untilReadyFor: events)
    }

    /// Sets TCP_NODELAY; a socket that is not TCP refuses it, which is harmless.
    static func disableNagle(_ descriptor: Int32) {
        var on: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }
}
