package dev.switchboard.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** src/docs/configuration.md documents every setting, with its environment variable and default. */
class ConfigurationDocumentTest {

    @Test
    void everySettingIsInTheConfigurationTable() throws IOException {
        String document = Files.readString(Path.of("src/docs/configuration.md"));
        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | `"
                    + setting.defaultValue() + "` |";
            assertTrue(document.contains(row), "configuration.md lacks the row starting " + row);
        }
    }
}
