package dev.switchboard.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who a request came from, as the headers of trusted and untrusted peers say it. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverTheHeadersSay() {
        ClientAddress client = TrustedProxies.none().resolve("192.0.2.1", List.of("for=198.51.100.1;proto=https"),
                List.of("198.51.100.2"), "https", "http");
        assertEquals(new ClientAddress("192.0.2.1", "http", false), client);
    }

    @Test
    void anUntrustedPeersForwardingHeadersAreIgnored() {
        ClientAddress client = proxies.resolve("192.0.2.1", List.of(), List.of("198.51.100.2"), "https", "http");
        assertEquals(new ClientAddress("192.0.2.1", "http", false), client);
    }

    @Test
    void theRightMostHopThatIsNotATrustedProxyIsTheClient() {
        ClientAddress client = proxies.resolve("127.0.0.1", List.of(),
                List.of("6.6.6.6, 198.51.100.2", "10.1.2.3"), "https", "http");
        assertEquals(new ClientAddress("198.51.100.2", "https", true), client);
    }

    @Test
    void theStandardForwardedHeaderIsReadWithQuotedIpv6AndPorts() {
        ClientAddress client = proxies.resolve("10.0.0.5",
                List.of("for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https"), List.of(),
                null, "http");
        assertEquals(new ClientAddress("2001:db8:cafe::17", "https", true), client);
    }

    @Test
    void anUnknownOrGarbledHopStopsAtTheLastAddressWeCanVouchFor() {
        ClientAddress client = proxies.resolve("127.0.0.1", List.of(), List.of("unknown"), null, "http");
        assertEquals(new ClientAddress("127.0.0.1", "http", false), client);
    }

    @Test
    void rangesMatchByPrefixInBothFamilies() {
        assertTrue(AddressRange.parse("10.0.0.0/8").contains("10.255.1.2"));
        assertFalse(AddressRange.parse("10.0.0.0/8").contains("11.0.0.1"));
        assertTrue(AddressRange.parse("192.168.1.0/25").contains("192.168.1.127"));
        assertFalse(AddressRange.parse("192.168.1.0/25").contains("192.168.1.128"));
        assertTrue(AddressRange.parse("fd00::/8").contains("fd12::1"));
        assertFalse(AddressRange.parse("fd00::/8").contains("10.0.0.1"));
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWhenTheSettingIsRead() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }
}
