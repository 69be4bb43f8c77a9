package dev.switchboard.config;

/** A setting with a value Switchboard cannot use; the message names the setting and the value. */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
