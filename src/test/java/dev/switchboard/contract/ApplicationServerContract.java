package dev.switchboard.contract;

/**
 * Everything the shipped WAR is held to in every application server the build starts: one list, so that no server
 * is tested against less than the others. What a server cannot do is said by its test class through the hooks of
 * {@link ServerUnderTest} and the contracts, each documented in src/docs/conformance.md.
 */
public interface ApplicationServerContract extends HttpApiContract, ChatContract, EchoContract, HandshakeContract,
        HistoryContract, PresenceContract, BackpressureContract, LimitsContract, LineContract, InspectorContract,
        MaskingContract, ExactlyOnceContract, MetricsContract {
}
