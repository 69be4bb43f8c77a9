package dev.switchboard.example;

import dev.switchboard.cdi.MemberJoined;
import dev.switchboard.cdi.MemberLeft;
import dev.switchboard.cdi.MessageSaid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An application's observer of Switchboard's CDI events: keeps the last 1,000 happenings as lines. */
@ApplicationScoped
public class ActivityLog {

    private static final int KEPT = 1_000;
    private final Deque<String> lines = new ArrayDeque<>();

    void joined(@Observes MemberJoined joined) {
        add("joined " + joined.room() + " " + joined.name());
    }

    void said(@Observes MessageSaid said) {
        add("said " + said.room() + " #" + said.seq() + " " + said.from() + ": " + said.text());
    }

    void left(@Observes MemberLeft left) {
        add("left " + left.room() + " " + left.name());
    }

    private synchronized void add(String line) {
        if (lines.size() == KEPT) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }
}
