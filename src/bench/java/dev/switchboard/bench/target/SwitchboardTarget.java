package dev.switchboard.bench.target;

import java.util.List;

/** The two Switchboard targets speak the chat protocol: members say JSON commands and get JSON events. */
abstract class SwitchboardTarget extends JvmTarget {

    SwitchboardTarget(List<String> jvmOptions) {
        super(jvmOptions);
    }

    /** The load's texts are ASCII letters, digits and {@code @#;}: nothing to escape. */
    @Override
    public String say(String text) {
        return "{\"type\":\"say\",\"text\":\"" + text + "\"}";
    }

    @Override
    public boolean hasHistory() {
        return true;
    }
}
