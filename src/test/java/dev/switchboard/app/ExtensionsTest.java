package dev.switchboard.app;

import dev.switchboard.config.InvalidSettingException;
import dev.switchboard.hub.MessagePolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtensionsTest {

    @Test
    void noPolicyNamedLetsEveryMessageThrough() {
        assertSame(MessagePolicy.ACCEPT_ALL, Extensions.messagePolicy(""));
    }

    @Test
    void aPolicyClassThatIsNotThereStopsTheStartNamingTheSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Extensions.messagePolicy("com.example.NoSuchPolicy"));
        assertTrue(e.getMessage().startsWith("message.policy: no class com.example.NoSuchPolicy"), e.getMessage());
    }

    @Test
    void aClassThatIsNotAPolicyIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Extensions.messagePolicy(String.class.getName()));
        assertTrue(e.getMessage().contains("is not a dev.switchboard.hub.MessagePolicy"), e.getMessage());
    }

    @Test
    void aPolicyWithoutANoArgumentConstructorIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Extensions.messagePolicy(NeedsArguments.class.getName()));
        assertTrue(e.getMessage().contains("needs a public constructor without arguments"), e.getMessage());
    }

    /** A policy the extension loader cannot make. */
    public static final class NeedsArguments implements MessagePolicy {

        public NeedsArguments(String wordList) {
        }

        @Override
        public Verdict review(String room, String from, String text) {
            return Verdict.accept(text);
        }
    }
}
