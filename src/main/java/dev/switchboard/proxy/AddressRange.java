package dev.switchboard.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** One address or CIDR block ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), IPv4 or IPv6. */
public final class AddressRange {

    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /**
     * Parses a literal address or CIDR block; host names are refused (they would need DNS at every check).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = literal(host)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"));
        int bits = address.length * 8;
        if (slash >= 0) {
            String prefix = trimmed.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
            }
            bits = Integer.parseInt(prefix);
        }
        return new AddressRange(address, bits);
    }

    /** The bytes of an IP literal (IPv4-mapped IPv6 as IPv4); empty for anything else, host names included. */
    static Optional<byte[]> literal(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = host.contains(":") && host.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // Literals only (checked above), so no name lookup happens here.
            return Optional.of(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether the address (a literal) lies in this range. */
    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
