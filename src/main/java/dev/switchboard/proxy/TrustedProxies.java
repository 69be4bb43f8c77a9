package dev.switchboard.proxy;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reverse proxies whose word Switchboard takes ({@code trusted.proxies}): only a request that arrives from one
 * of them has its {@code Forwarded} / {@code X-Forwarded-For} / {@code X-Forwarded-Proto} headers read, and then the
 * client is the right-most hop that is not itself a trusted proxy. From anyone else the headers are ignored, so a
 * client cannot choose its own address. The one place that the connection limits, the origin check, {@code /inspect}
 * and the logs ask who a request came from.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    /** Nobody is trusted: every request is from its TCP peer. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list of addresses and CIDR blocks.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies parse(String list) {
        List<AddressRange> ranges = new ArrayList<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(entry -> ranges.add(AddressRange.parse(entry)));
        return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges));
    }

    public boolean trusts(String address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * Who a request came from.
     *
     * @param peer           the TCP peer's address
     * @param forwarded      the {@code Forwarded} header values, in order (RFC 7239), or empty
     * @param forwardedFor   the {@code X-Forwarded-For} header values, in order, or empty
     * @param forwardedProto the {@code X-Forwarded-Proto} header value, or null
     * @param scheme         the scheme the request arrived with ({@code http}, {@code https})
     */
    public ClientAddress resolve(String peer, List<String> forwarded, List<String> forwardedFor, String forwardedProto,
            String scheme) {
        if (ranges.isEmpty() || !trusts(peer)) {
            return new ClientAddress(peer, scheme, false);
        }
        List<Hop> hops = forwarded.isEmpty() ? fromXForwarded(forwardedFor, forwardedProto) : fromForwarded(forwarded);
        String client = peer;
        String proto = scheme;
        // Right to left: each hop was added by the one after it; the first we do not trust is the client.
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.proto != null) {
                proto = hop.proto;
            }
            Optional<byte[]> literal = hop.address == null ? Optional.empty() : AddressRange.literal(hop.address);
            if (literal.isEmpty()) {
                break; // "unknown", an obfuscated name or garbage: stop at the last hop we could vouch for
            }
            client = normalise(hop.address);
            if (!trusts(client)) {
                break;
            }
        }
        return new ClientAddress(client, proto, !client.equals(peer));
    }

    /** Who a servlet request came from. */
    public ClientAddress resolve(HttpServletRequest request) {
        String scheme = request.isSecure() ? "https" : "http";
        if (ranges.isEmpty()) {
            return new ClientAddress(request.getRemoteAddr(), scheme, false);
        }
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("Forwarded")),
                Collections.list(request.getHeaders("X-Forwarded-For")), request.getHeader("X-Forwarded-Proto"),
                scheme);
    }

    /** Who a request came from, from its headers as one comma-joined value each (null when absent). */
    public ClientAddress resolve(String peer, String forwarded, String forwardedFor, String forwardedProto,
            boolean secure) {
        return resolve(peer, forwarded == null ? List.of() : List.of(forwarded),
                forwardedFor == null ? List.of() : List.of(forwardedFor), forwardedProto, secure ? "https" : "http");
    }

    private static List<Hop> fromXForwarded(List<String> forwardedFor, String forwardedProto) {
        List<Hop> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String address : header.split(",")) {
                if (!address.isBlank()) {
                    hops.add(new Hop(address.trim(), null));
                }
            }
        }
        String proto = proto(forwardedProto == null ? null : lastOf(forwardedProto));
        if (proto != null && !hops.isEmpty()) {
            Hop last = hops.remove(hops.size() - 1);
            hops.add(new Hop(last.address, proto));
        }
        return hops;
    }

    private static String lastOf(String commaSeparated) {
        String[] parts = commaSeparated.split(",");
        return parts[parts.length - 1].trim();
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"}. */
    private static List<Hop> fromForwarded(List<String> forwarded) {
        List<Hop> hops = new ArrayList<>();
        for (String header : forwarded) {
            for (String element : header.split(",")) {
                String address = null;
                String proto = null;
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals < 0) {
                        continue;
                    }
                    String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(equals + 1).trim());
                    if (name.equals("for")) {
                        address = stripPort(value);
                    } else if (name.equals("proto")) {
                        proto = proto(value);
                    }
                }
                hops.add(new Hop(address, proto));
            }
        }
        return hops;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [2001:db8::1]:4711} to {@code 2001:db8::1}; {@code 192.0.2.1:80} to {@code 192.0.2.1}. */
    private static String stripPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? value : value.substring(1, close);
        }
        int colon = value.indexOf(':');
        return colon >= 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
    }

    private static String proto(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https") ? lower : null;
    }

    private static String normalise(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
    }

    private record Hop(String address, String proto) {
    }
}
