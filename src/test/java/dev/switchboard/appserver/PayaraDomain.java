package dev.switchboard.appserver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares Payara's {@code domain1} for the build (-Ppayara): every listener of the running configuration
 * ({@code server-config}) on 127.0.0.1 and a port the build reserved, Hazelcast (the data grid Payara always starts)
 * and the embedded JMS broker included, so the server touches nothing but loopback and never collides with another.
 */
public final class PayaraDomain {

    private PayaraDomain() {
    }

    /** @param args domain.xml, then http https admin iiop iiop-ssl iiop-mutual jmx jms hazelcast hazelcast-das ports */
    public static void main(String[] args) throws Exception {
        Path domainXml = Path.of(args[0]);
        String xml = Files.readString(domainXml);
        int end = xml.indexOf("<config name=\"default-config\"");
        String server = end < 0 ? xml : xml.substring(0, end);
        String rest = end < 0 ? "" : xml.substring(end);
        server = listener(server, "http-listener-1", args[1]);
        server = listener(server, "http-listener-2", args[2]);
        server = listener(server, "admin-listener", args[3]);
        server = once(server, "address=\"0.0.0.0\" port=\"3700\"", "address=\"127.0.0.1\" port=\"" + args[4] + "\"");
        server = once(server, "address=\"0.0.0.0\" port=\"3820\"", "address=\"127.0.0.1\" port=\"" + args[5] + "\"");
        server = once(server, "address=\"0.0.0.0\" port=\"3920\"", "address=\"127.0.0.1\" port=\"" + args[6] + "\"");
        server = once(server, "address=\"0.0.0.0\" port=\"8686\"", "address=\"127.0.0.1\" port=\"" + args[7] + "\"");
        server = once(server, "name=\"JMS_PROVIDER_PORT\" value=\"7676\"",
                "name=\"JMS_PROVIDER_PORT\" value=\"" + args[8] + "\"");
        server = once(server, "start-port=\"5900\" das-port=\"4900\" auto-increment-port=\"true\"",
                "start-port=\"" + args[9] + "\" das-port=\"" + args[10] + "\" auto-increment-port=\"false\" "
                        + "das-bind-address=\"127.0.0.1\" das-public-address=\"127.0.0.1\" interfaces=\"127.0.0.1\"");
        Files.writeString(domainXml, server + rest);
    }

    private static String listener(String xml, String name, String port) {
        String pattern = "port=\"[0-9]+\"( protocol=\"[a-z0-9-]+\" transport=\"tcp\" name=\"" + name + "\")";
        String replaced = xml.replaceFirst(pattern, "address=\"127.0.0.1\" port=\"" + port + "\"$1");
        if (replaced.equals(xml)) {
            throw new IllegalStateException("no network-listener " + name + " in server-config");
        }
        return replaced;
    }

    private static String once(String xml, String from, String to) {
        int at = xml.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException("not in server-config: " + from);
        }
        return xml.substring(0, at) + to + xml.substring(at + from.length());
    }
}
