package dev.switchboard.app;

import dev.switchboard.auth.IdentityResolver;
import dev.switchboard.config.InvalidSettingException;
import dev.switchboard.config.Setting;
import dev.switchboard.hub.MessagePolicy;
import dev.switchboard.hub.RoomPolicy;

/** Makes the extensions the settings name: classes of the application's, found on its class path. */
final class Extensions {

    private Extensions() {
    }

    /**
     * The policy named by {@code message.policy}, or one that lets everything through when it is empty.
     *
     * @throws InvalidSettingException saying why the class cannot be used
     */
    static MessagePolicy messagePolicy(String className) {
        return className.isEmpty() ? MessagePolicy.ACCEPT_ALL
                : instantiate(Setting.MESSAGE_POLICY, className, MessagePolicy.class);
    }

    /** The policy named by {@code room.policy}, or one that lets anyone create any room when it is empty. */
    static RoomPolicy roomPolicy(String className) {
        return className.isEmpty() ? RoomPolicy.OPEN : instantiate(Setting.ROOM_POLICY, className, RoomPolicy.class);
    }

    /** The application's identity resolver named by {@code auth.resolver}, for {@code auth=custom}. */
    static IdentityResolver identityResolver(String className) {
        return instantiate(Setting.AUTH_RESOLVER, className, IdentityResolver.class);
    }

    private static <T> T instantiate(Setting setting, String className, Class<T> type) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> found = Class.forName(className, true,
                    loader != null ? loader : Extensions.class.getClassLoader());
            if (!type.isAssignableFrom(found)) {
                throw new InvalidSettingException(setting.key() + ": " + className + " is not a " + type.getName());
            }
            return type.cast(found.getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            throw new InvalidSettingException(setting.key() + ": no class " + className + " on the class path");
        } catch (NoSuchMethodException e) {
            throw new InvalidSettingException(setting.key() + ": " + className
                    + " needs a public constructor without arguments");
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException(setting.key() + ": " + className + " could not be made: " + e);
        }
    }
}
