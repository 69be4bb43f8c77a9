package dev.switchboard.engine.embedded;

import dev.switchboard.hub.Event;
import dev.switchboard.hub.RoomSummary;
import dev.switchboard.hub.StoredMessage;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The SQLite file of the embedded engine ({@code switchboard.db}, WAL mode): a table of rooms (epoch, last seq) and
 * one of messages (room, seq, sender, client id, the encoded event). One instance per connection; the writer's is
 * used by the writer thread alone, the reader's under its own lock.
 */
final class MessageStore implements AutoCloseable {

    /** The schema this code reads and writes; a data directory written by a newer one is refused. */
    static final int SCHEMA_VERSION = 1;

    private final Connection connection;
    private final Path file;
    private PreparedStatement insertMessage;
    private PreparedStatement findClientId;
    private PreparedStatement updateRoom;
    private PreparedStatement trim;

    private MessageStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** The writer's connection: checks or creates the schema, then prepares the statements of the write path. */
    static MessageStore openWriter(Path directory) {
        MessageStore store = open(directory, false);
        try {
            store.migrate();
            store.insertMessage = store.connection.prepareStatement(
                    "INSERT INTO messages (room, seq, sender, client_id, event) VALUES (?, ?, ?, ?, ?)");
            store.findClientId = store.connection.prepareStatement(
                    "SELECT seq, event FROM messages WHERE room = ? AND sender = ? AND client_id = ?");
            store.updateRoom = store.connection.prepareStatement("UPDATE rooms SET last_seq = ? WHERE name = ?");
            store.trim = store.connection.prepareStatement("DELETE FROM messages WHERE room = ? AND seq <= ?");
            store.connection.setAutoCommit(false);
            return store;
        } catch (SQLException e) {
            store.close();
            throw new StoreException("cannot use " + store.file + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            store.close();
            throw e;
        }
    }

    /** A connection for reads from other threads; the writer's must have created the schema. */
    static MessageStore openReader(Path directory) {
        return open(directory, true);
    }

    private static MessageStore open(Path directory, boolean readOnly) {
        Path file = directory.resolve("switchboard.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit is on disk before the engine delivers or acknowledges it (group commit shares the fsync).
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5000);
        config.setReadOnly(readOnly);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        try {
            return new MessageStore(source.getConnection(), file);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            int version = 0;
            try (ResultSet row = statement.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                if (row.next()) {
                    version = Integer.parseInt(row.getString(1));
                }
            }
            if (version > SCHEMA_VERSION) {
                throw new StoreException(file + " holds schema version " + version
                        + ", written by a newer Switchboard; this one reads version " + SCHEMA_VERSION);
            }
            statement.execute("CREATE TABLE IF NOT EXISTS rooms ("
                    + "name TEXT PRIMARY KEY, epoch TEXT NOT NULL, last_seq INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS messages ("
                    + "room TEXT NOT NULL, seq INTEGER NOT NULL, sender TEXT NOT NULL, client_id TEXT, "
                    + "event TEXT NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID");
            statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS messages_by_client_id "
                    + "ON messages (room, sender, client_id) WHERE client_id IS NOT NULL");
            statement.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '"
                    + SCHEMA_VERSION + "')");
        }
    }

    /** A room's epoch and last seq, when the store has it. */
    Optional<RoomRow> room(String room) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT epoch, last_seq FROM rooms WHERE name = ?")) {
            select.setString(1, room);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new RoomRow(row.getString(1), row.getLong(2))) : Optional.empty();
            }
        }
    }

    void createRoom(String room, String epoch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rooms (name, epoch, last_seq) VALUES (?, ?, 0)")) {
            insert.setString(1, room);
            insert.setString(2, epoch);
            insert.executeUpdate();
        }
    }

    /** The last {@code limit} messages of a room, oldest first. */
    List<StoredMessage> tail(String room, int limit) throws SQLException {
        List<StoredMessage> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, sender, client_id, event FROM messages WHERE room = ? ORDER BY seq DESC LIMIT ?")) {
            select.setString(1, room);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new StoredMessage(row.getLong(1), row.getString(2), row.getString(3),
                            new Event(row.getString(4))));
                }
            }
        }
        Collections.reverse(messages);
        return messages;
    }

    /** The message a sender said with this client id, while it is kept. */
    Optional<StoredMessage> byClientId(String room, String from, String clientId) throws SQLException {
        findClientId.setString(1, room);
        findClientId.setString(2, from);
        findClientId.setString(3, clientId);
        try (ResultSet row = findClientId.executeQuery()) {
            return row.next()
                    ? Optional.of(new StoredMessage(row.getLong(1), from, clientId, new Event(row.getString(2))))
                    : Optional.empty();
        }
    }

    void insert(String room, StoredMessage message) throws SQLException {
        insertMessage.setString(1, room);
        insertMessage.setLong(2, message.seq());
        insertMessage.setString(3, message.from());
        insertMessage.setString(4, message.clientId());
        insertMessage.setString(5, message.event().json());
        insertMessage.executeUpdate();
    }

    /** Records a room's last seq and drops what falls out of its history. */
    void advance(String room, long lastSeq, int historySize) throws SQLException {
        updateRoom.setLong(1, lastSeq);
        updateRoom.setString(2, room);
        updateRoom.executeUpdate();
        trim.setString(1, room);
        trim.setLong(2, lastSeq - historySize);
        trim.executeUpdate();
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is broken; the next batch will say so
        }
    }

    /** Every room, sorted by name, at most {@code limit}. */
    List<RoomSummary> rooms(int limit) throws SQLException {
        List<RoomSummary> rooms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, last_seq FROM rooms ORDER BY name LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rooms.add(new RoomSummary(row.getString(1), 0, row.getLong(2)));
                }
            }
        }
        return rooms;
    }

    long roomCount() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM rooms");
             ResultSet row = count.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    boolean exists(String room) throws SQLException {
        return room(room).isPresent();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing is all that was left to do
        }
    }

    /** A room's row. */
    record RoomRow(String epoch, long lastSeq) {
    }
}
