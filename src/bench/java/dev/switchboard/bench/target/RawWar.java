package dev.switchboard.bench.target;

import dev.switchboard.bench.raw.RawChatEndpoint;
import dev.switchboard.bench.raw.RawEchoEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code raw.war}: the two bare endpoints of {@code dev.switchboard.bench.raw} and nothing else (no web.xml, no
 * library), the container's own ceiling for echo and broadcast that the Switchboard WAR is read against.
 */
final class RawWar {

    private static final List<Class<?>> ENDPOINTS = List.of(RawEchoEndpoint.class, RawChatEndpoint.class);

    private RawWar() {
    }

    /** Writes the WAR to {@code war} (replacing it) and returns it. */
    static Path write(Path war) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Class<?> endpoint : ENDPOINTS) {
                String name = endpoint.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                try (InputStream bytes = endpoint.getClassLoader().getResourceAsStream(name)) {
                    if (bytes == null) {
                        throw new IOException("no class file for " + endpoint.getName());
                    }
                    bytes.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return war;
    }
}
