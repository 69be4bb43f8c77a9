package dev.switchboard.auth;

import java.security.Principal;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a request says about who sends it, whatever transport it came by.
 *
 * @param header    a header's values joined with commas, or null
 * @param query     a query parameter's first value, or null
 * @param principal the application server's authenticated principal, or null
 * @param inRole    whether that principal has a role
 */
public record Caller(Function<String, String> header, Function<String, String> query, Principal principal,
        Predicate<String> inRole) {

    /** A request seen only through its headers and query (no container security). */
    public static Caller of(Function<String, String> header, Function<String, String> query) {
        return new Caller(header, query, null, role -> false);
    }
}
