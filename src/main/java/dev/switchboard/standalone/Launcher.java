package dev.switchboard.standalone;

import dev.switchboard.auth.Access;
import dev.switchboard.config.AuthMode;
import dev.switchboard.config.InvalidSettingException;
import dev.switchboard.config.Setting;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.engine.embedded.StoreException;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.logging.AsyncConsoleHandler;
import dev.switchboard.logging.JsonLogFormatter;
import dev.switchboard.tls.TlsCredentialsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.BindException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar switchboard-standalone.jar [--host H] [--port P] [--set NAME=VALUE]...}: runs until stopped. */
@Command(name = "switchboard",
        mixinStandardHelpOptions = true,
        version = "switchboard standalone launcher",
        description = "Serves Switchboard's chat, HTTP API and web page on one port (HTTP and WebSocket).",
        footer = {"", "Settings (see src/docs/configuration.md) also come from system properties",
                "switchboard.NAME and environment variables SWITCHBOARD_NAME; --set wins."},
        sortOptions = false,
        subcommands = TokenCommand.class)
public final class Launcher implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces)")
    private String host;

    private int port;

    private final Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port for HTTP and WebSocket (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    void setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not a TCP port (0-65535)");
        }
        this.port = port;
    }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the embedded engine keeps rooms (default: switchboard-data here); same as --set data.dir=DIR")
    void setDataDir(String dataDir) {
        settings.put("data.dir", dataDir);
    }

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "a setting, e.g. --set history.size=5000 (repeatable)")
    void set(Map<String, String> values) {
        values.forEach((name, value) -> {
            try {
                Setting.byKey(name);
            } catch (InvalidSettingException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--set': " + e.getMessage());
            }
            settings.put(name, value);
        });
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new Launcher()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings loaded;
        try {
            loaded = Settings.load(SettingsSource.firstOf(SettingsSource.flags(settings), SettingsSource.standard()));
        } catch (InvalidSettingException e) {
            throw new ParameterException(spec.commandLine(), "Invalid setting: " + e.getMessage());
        }
        AsyncConsoleHandler.replaceRootConsole();
        if (loaded.logFormat().equals("json")) {
            JsonLogFormatter.installOnRootHandlers();
        }
        HeapGiveBack.apply();
        if (loaded.auth().mode() == AuthMode.CONTAINER) {
            System.err.println("switchboard: auth=container needs an application server's security; the launcher "
                    + "has none: use auth=token (see src/docs/security.md)");
            return 2;
        }
        if (loaded.auth().mode() == AuthMode.OPEN && !Access.isLoopback(host)) {
            System.err.println("switchboard: WARNING: auth=open on " + host + ": anyone who reaches this port can "
                    + "use any name and read every room; set auth=token (see src/docs/security.md)");
        }
        StandaloneServer server;
        try {
            server = StandaloneServer.start(host, port, loaded);
        } catch (IllegalArgumentException e) {
            System.err.println("switchboard: " + e.getMessage());
            return 2;
        } catch (TlsCredentialsException e) {
            System.err.println("switchboard: cannot serve TLS: " + e.getMessage());
            return 2;
        } catch (StoreException e) {
            System.err.println("switchboard: cannot start the embedded engine: " + e.getMessage());
            return 1;
        } catch (EngineUnavailableException e) {
            System.err.println("switchboard: cannot start the " + loaded.engine().key() + " engine: " + e.getMessage());
            return 1;
        } catch (BindException e) {
            System.err.println("switchboard: cannot listen on " + host + ":" + port + ": "
                    + "the address is already in use (" + e.getMessage() + ")");
            return 1;
        } catch (IOException e) {
            System.err.println("switchboard: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("Switchboard stopped");
            stopped.countDown();
        }, "switchboard-shutdown"));
        System.out.println("Switchboard ready at " + server.baseUri());
        stopped.await();
        return 0;
    }
}
