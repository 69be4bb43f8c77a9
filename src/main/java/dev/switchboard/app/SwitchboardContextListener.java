package dev.switchboard.app;

import dev.switchboard.config.InvalidSettingException;
import dev.switchboard.config.Setting;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.util.List;

/**
 * Starts Switchboard when the WAR is deployed and says goodbye to its sockets when it is undeployed; the module's
 * {@code META-INF/web-fragment.xml} names it. Settings come from system properties, then environment variables,
 * then servlet context parameters, then the application's {@code switchboard.properties}; a bad one fails the
 * deployment with a message naming it.
 */
public final class SwitchboardContextListener implements ServletContextListener {

    private Switchboard switchboard;
    private AutoCloseable cdiEvents;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Object container = context.getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer serverContainer)) {
            throw new IllegalStateException("this application server offers no Jakarta WebSocket container");
        }
        Settings settings = Settings.load(SettingsSource.firstOf(
                SettingsSource.systemProperties(),
                SettingsSource.environment(),
                SettingsSource.contextParameters(context::getInitParameter),
                SettingsSource.classpathProperties(context.getClassLoader())));
        if (settings.permessageDeflate()) {
            throw new InvalidSettingException("setting " + Setting.PERMESSAGE_DEFLATE.key()
                    + " = true is supported by the standalone launcher only; the application server decides "
                    + "which WebSocket extensions it offers");
        }
        switchboard = new Switchboard(settings, context.getContextPath());
        switchboard.installServlets(context);
        try {
            switchboard.deployEndpoints(serverContainer, List.of());
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy the WebSocket endpoints", e);
        }
        RunningSwitchboard.started(switchboard);
        cdiEvents = cdiAvailable() ? dev.switchboard.cdi.CdiRoomEvents.install(switchboard.hub()) : null;
    }

    /** Whether the server offers CDI to this application (not Tomcat or Jetty as shipped). */
    private static boolean cdiAvailable() {
        try {
            Class.forName("jakarta.enterprise.inject.spi.CDI", false,
                    SwitchboardContextListener.class.getClassLoader());
            return jakarta.enterprise.inject.spi.CDI.current() != null;
        } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (cdiEvents != null) {
            try {
                cdiEvents.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping Switchboard's CDI events failed", e);
            }
        }
        if (switchboard != null) {
            RunningSwitchboard.stopped(switchboard);
            switchboard.shutdown();
        }
    }
}
