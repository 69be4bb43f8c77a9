package dev.switchboard.example;

import dev.switchboard.hub.MessagePolicy;

/** The example application's moderation: nobody posts links in its rooms. Named in its switchboard.properties. */
public class ShopModeration implements MessagePolicy {

    @Override
    public Verdict review(String room, String from, String text) {
        return text.contains("://") ? Verdict.reject("links are not allowed here") : Verdict.accept(text);
    }
}
