package dev.switchboard.auth;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In open mode, the WAR says once when it is reachable beyond loopback (it learns its address from requests). */
class OpenModeWarningTest {

    @Test
    void openModeWarnsOnceForANonLoopbackAddressAndNeverForLoopback() {
        Access open = new Access(Settings.load(SettingsSource.flags(Map.of())).auth());
        try (LogCapture logs = LogCapture.everything()) {
            open.servedOn("127.0.0.1");
            open.servedOn("::1");
            assertEquals(0, logs.matching("auth=open").size());
            open.servedOn("192.0.2.10");
            open.servedOn("192.0.2.10");
            assertEquals(1, logs.matching("auth=open").size());
        }
    }

    @Test
    void tokenModeDoesNotWarn() {
        Access tokens = new Access(Settings.load(SettingsSource.flags(Map.of("auth", "token",
                "auth.secret", "a-secret-of-at-least-32-bytes-for-the-test"))).auth());
        try (LogCapture logs = LogCapture.everything()) {
            tokens.servedOn("192.0.2.10");
            assertEquals(0, logs.matching("auth=open").size());
        }
    }
}
