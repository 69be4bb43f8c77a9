package dev.switchboard.engine.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded engine's directory, held for one process at a time: a lock on {@code switchboard.lock} inside it,
 * taken at start and released at close, so a second Switchboard on the same data fails its start instead of
 * interleaving writes.
 */
final class DataDirectory implements AutoCloseable {

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; fails with one sentence naming the directory. */
    static DataDirectory lock(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + path + ": " + e);
        }
        if (!Files.isDirectory(path) || !Files.isReadable(path) || !Files.isWritable(path)) {
            throw new StoreException("data directory " + path + " is not a readable and writable directory");
        }
        Path lockFile = path.resolve("switchboard.lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open " + lockFile + ": " + e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreException("data directory " + path + " is in use by another Switchboard process");
            }
            return new DataDirectory(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreException("data directory " + path + " is in use by another Switchboard in this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + lockFile + ": " + e);
        } catch (StoreException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
