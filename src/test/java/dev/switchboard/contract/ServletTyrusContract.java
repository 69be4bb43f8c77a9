package dev.switchboard.contract;

/**
 * The contract where the container's WebSocket implementation is Tyrus behind the Servlet API (GlassFish and Payara),
 * with the two limitations documented in src/docs/conformance.md: unmasked client frames are accepted, and a close
 * frame does not reach a peer whose TCP window is full.
 */
public interface ServletTyrusContract extends ApplicationServerContract {

    @Override
    default boolean closeFrameReachesAStalledPeer() {
        return false;
    }

    @Override
    default boolean refusesUnmaskedClientFrames() {
        return false;
    }
}
