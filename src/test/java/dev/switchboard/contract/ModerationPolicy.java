package dev.switchboard.contract;

import dev.switchboard.hub.MessagePolicy;

/**
 * The message policy {@link MessagePolicyContract} installs, as an application would write one: no links, and a
 * softened word.
 */
public final class ModerationPolicy implements MessagePolicy {

    static final String NO_LINKS = "links are not allowed in this chat";

    @Override
    public Verdict review(String room, String from, String text) {
        if (text.contains("http://") || text.contains("https://")) {
            return Verdict.reject(NO_LINKS);
        }
        return Verdict.accept(text.replace("darn", "d**n"));
    }
}
