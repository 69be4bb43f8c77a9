package dev.switchboard.engine;

import dev.switchboard.hub.RoomFeed;
import dev.switchboard.hub.RoomSnapshot;
import dev.switchboard.hub.StoredMessage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A room feed that records what an engine hands it, in order. */
public final class RecordingFeed implements RoomFeed {

    public final List<RoomSnapshot> snapshots = new CopyOnWriteArrayList<>();
    public final List<StoredMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void opened(RoomSnapshot snapshot) {
        snapshots.add(snapshot);
    }

    @Override
    public void committed(StoredMessage message) {
        messages.add(message);
    }

    public List<Long> seqs() {
        return messages.stream().map(StoredMessage::seq).toList();
    }
}
