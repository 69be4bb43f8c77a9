package dev.switchboard.proxy;

/**
 * Who a request came from, as {@link TrustedProxies} decided it.
 *
 * @param address   the client's IP address: the TCP peer, or what a trusted proxy said
 * @param scheme    {@code http} or {@code https} as the client used it
 * @param forwarded whether a trusted proxy's headers decided it
 */
public record ClientAddress(String address, String scheme, boolean forwarded) {
}
