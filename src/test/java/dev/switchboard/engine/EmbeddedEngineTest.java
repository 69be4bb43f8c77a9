package dev.switchboard.engine;

import dev.switchboard.engine.embedded.EmbeddedEngine;
import dev.switchboard.engine.embedded.StoreException;
import dev.switchboard.hub.Appended;
import dev.switchboard.hub.MessageDraft;
import dev.switchboard.hub.RoomSnapshot;
import dev.switchboard.hub.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded engine on a real SQLite file in a temporary directory. */
class EmbeddedEngineTest {

    @TempDir
    Path dataDir;

    private static MessageDraft draft(String room, String from, String text, String id) {
        return MessageDraft.of(room, from, text, id, Instant.parse("2026-12-02T10:00:00Z"));
    }

    private static Appended said(EmbeddedEngine engine, String room, String text, String id) throws Exception {
        return engine.append(room, draft(room, "ann", text, id)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReopenedStoreHasTheHistoryTheEpochAndTheNextSeq() throws Exception {
        String epoch;
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100)) {
            RecordingFeed feed = new RecordingFeed();
            engine.open("lobby", feed);
            epoch = feed.snapshots.get(0).epoch();
            for (int i = 1; i <= 3; i++) {
                said(engine, "lobby", "m" + i, null);
            }
        }
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100)) {
            RecordingFeed feed = new RecordingFeed();
            engine.open("lobby", feed);
            RoomSnapshot snapshot = feed.snapshots.get(0);
            assertEquals(epoch, snapshot.epoch());
            assertEquals(3, snapshot.lastSeq());
            assertEquals(List.of(1L, 2L, 3L), snapshot.history().stream().map(StoredMessage::seq).toList());
            assertTrue(snapshot.history().get(0).event().json().contains("\"text\":\"m1\""));
            assertEquals(4, said(engine, "lobby", "m4", null).message().seq());
            assertTrue(engine.knows("lobby"));
            assertFalse(engine.knows("elsewhere"));
        }
    }

    @Test
    void concurrentPublishersGetEverySeqOnceAndTheFeedSeesThemInOrder() throws Exception {
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100_000)) {
            RecordingFeed feed = new RecordingFeed();
            engine.open("busy", feed);
            List<CompletableFuture<Appended>> all = new CopyOnWriteArrayList<>();
            List<Thread> publishers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                String from = "p" + p;
                publishers.add(new Thread(() -> {
                    for (int i = 0; i < 2500; i++) {
                        all.add(engine.append("busy", draft("busy", from, "m" + i, null)));
                    }
                }));
            }
            publishers.forEach(Thread::start);
            for (Thread publisher : publishers) {
                publisher.join();
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertEquals(LongStream.rangeClosed(1, 10_000).boxed().toList(), feed.seqs());
        }
    }

    @Test
    void aRepeatedClientIdAppendsNothingAndAnswersTheOriginal() throws Exception {
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100)) {
            RecordingFeed feed = new RecordingFeed();
            engine.open("lobby", feed);
            Appended first = said(engine, "lobby", "once", "c-1");
            Appended repeat = said(engine, "lobby", "once", "c-1");
            assertFalse(first.duplicate());
            assertTrue(repeat.duplicate());
            assertEquals(first.message().event().json(), repeat.message().event().json());
            assertEquals(List.of(1L), feed.seqs(), "the feed saw it once");
            assertEquals(2, said(engine, "lobby", "next", "c-2").message().seq());
        }
    }

    @Test
    void aClientIdIsRememberedAcrossARestart() throws Exception {
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100)) {
            engine.open("lobby", new RecordingFeed());
            said(engine, "lobby", "once", "c-1");
        }
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100)) {
            engine.open("lobby", new RecordingFeed());
            assertTrue(said(engine, "lobby", "once", "c-1").duplicate());
        }
    }

    @Test
    void historyIsTrimmedToItsSizeAndATrimmedClientIdIsForgotten() throws Exception {
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 3)) {
            engine.open("lobby", new RecordingFeed());
            said(engine, "lobby", "first", "c-1");
            for (int i = 2; i <= 5; i++) {
                said(engine, "lobby", "m" + i, null);
            }
        }
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 3)) {
            RecordingFeed feed = new RecordingFeed();
            engine.open("lobby", feed);
            assertEquals(List.of(3L, 4L, 5L),
                    feed.snapshots.get(0).history().stream().map(StoredMessage::seq).toList());
            Appended again = said(engine, "lobby", "first", "c-1");
            assertFalse(again.duplicate(), "outside kept history an id is new again");
            assertEquals(6, again.message().seq());
        }
    }

    @Test
    void aSecondEngineOnTheSameDirectoryIsRefused() {
        try (EmbeddedEngine engine = new EmbeddedEngine(dataDir, 100)) {
            StoreException refused = assertThrows(StoreException.class, () -> new EmbeddedEngine(dataDir, 100));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        }
        new EmbeddedEngine(dataDir, 100).close(); // released at close
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithItsName() throws Exception {
        Files.writeString(dataDir.resolve("switchboard.db"), "this is not a database, it is a shopping list\n".repeat(40));
        StoreException refused = assertThrows(StoreException.class, () -> new EmbeddedEngine(dataDir, 100));
        assertTrue(refused.getMessage().contains("switchboard.db"), refused.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefusedWithItsName() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        StoreException refused = assertThrows(StoreException.class,
                () -> new EmbeddedEngine(file.resolve("inside"), 100));
        assertTrue(refused.getMessage().contains("a-file"), refused.getMessage());
    }
}
