package dev.switchboard.contract;

import java.util.Map;
import java.util.TreeMap;

/** A {@code web.xml} that only sets Switchboard settings as servlet context parameters. */
public final class WebXml {

    private WebXml() {
    }

    /** @param settings dotted setting names ({@code max.rooms}) and their values */
    public static String withContextParameters(Map<String, String> settings) {
        StringBuilder xml = new StringBuilder(
                "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
        new TreeMap<>(settings).forEach((name, value) -> xml.append("  <context-param><param-name>switchboard.")
                .append(name).append("</param-name><param-value>").append(value)
                .append("</param-value></context-param>\n"));
        return xml.append("</web-app>\n").toString();
    }
}
