package dev.switchboard.http;

import dev.switchboard.auth.Access;
import dev.switchboard.auth.AuthenticationException;
import dev.switchboard.auth.Caller;
import dev.switchboard.auth.Identity;
import dev.switchboard.auth.Permission;
import dev.switchboard.hub.Appended;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.hub.HistoryPage;
import dev.switchboard.hub.Hub;
import dev.switchboard.hub.InvalidMessageException;
import dev.switchboard.hub.Room;
import dev.switchboard.hub.RoomRefusedException;
import dev.switchboard.hub.TooManyRoomsException;
import dev.switchboard.limits.AddressRateLimit;
import dev.switchboard.metrics.Meters;
import dev.switchboard.proxy.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rooms API, mapped to {@code /api/rooms} and {@code /api/rooms/*}:
 * <ul>
 *   <li>{@code GET /api/rooms}: every room with its member count and last seq;</li>
 *   <li>{@code GET /api/rooms/{room}/messages?since=N&limit=M}: kept messages after N, oldest first;</li>
 *   <li>{@code POST /api/rooms/{room}/messages}: publishes a message every member receives in seq order (201), or
 *   answers a repeat of the same sender's {@code id} / {@code Idempotency-Key} with the original (200);</li>
 *   <li>{@code GET /api/rooms/{room}/members}: the names present, with their connection counts.</li>
 * </ul>
 */
public final class RoomsServlet extends JsonServlet {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    /** How long a publish waits for the engine before it is answered 503. */
    private static final long ENGINE_TIMEOUT_SECONDS = 10;
    private static final String RETRY_AFTER_SECONDS = "2";

    private static final Pattern RESOURCE = Pattern.compile("/([^/]+)/(messages|members)");

    /** Addresses whose publish rate is tracked at once; see {@link AddressRateLimit}. */
    private static final int MAX_RATE_LIMITED_ADDRESSES = 65_536;

    private final Hub hub;
    private final int maxBodyBytes;
    private final TrustedProxies proxies;
    private final AddressRateLimit publishRate;
    private final Access access;
    private final Meters meters;

    /**
     * @param proxies         whose forwarding headers say who the client is
     * @param publishRate     publishes per second one client address may make, on average
     * @param publishBurst    publishes one client address may make in a burst
     */
    public RoomsServlet(Hub hub, int maxBodyBytes, TrustedProxies proxies, double publishRate, int publishBurst,
            Access access, Meters meters) {
        this.meters = meters;
        this.hub = hub;
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
        this.proxies = proxies;
        this.publishRate = new AddressRateLimit(publishRate, publishBurst, MAX_RATE_LIMITED_ADDRESSES);
    }

    @Override
    protected Set<String> allowedMethods(HttpServletRequest request) {
        Matcher resource = resource(request);
        if (resource == null || resource.group(2).equals("members")) {
            return Set.of("GET");
        }
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Identity caller;
        try {
            caller = access.call(new Caller(request::getHeader, request::getParameter, request.getUserPrincipal(),
                    request::isUserInRole));
        } catch (AuthenticationException e) {
            refuse(response, e);
            return;
        }
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            if (access.apiKeysRequired() && !caller.apiKey()) {
                refuse(response, new AuthenticationException(caller.name() == null ? 401 : 403,
                        "listing rooms needs an API key"));
                return;
            }
            JsonResponses.sendObject(response, 200, hub.summaries());
            return;
        }
        Matcher resource = resource(request);
        if (resource == null) {
            JsonResponses.error(response, 404, "no such resource: " + request.getRequestURI());
            return;
        }
        String room = resource.group(1);
        if (!ChatRules.isValidRoom(room)) {
            JsonResponses.error(response, 400, "room must match [a-z0-9_-]{1,64}");
            return;
        }
        boolean publishing = request.getMethod().equals("POST");
        Permission needed = resource.group(2).equals("members") ? Permission.PRES
                : publishing ? Permission.PUB : Permission.HIST;
        if (publishing && access.apiKeysRequired() && !caller.apiKey() && caller.name() == null) {
            refuse(response, new AuthenticationException(401, "publishing needs an API key"));
            return;
        }
        if (!caller.allows(room, needed)) {
            refuse(response, new AuthenticationException(403, "not allowed to " + switch (needed) {
                case PRES -> "see who is in room ";
                case PUB -> "publish to room ";
                default -> "read the history of room ";
            } + room));
            return;
        }
        if (resource.group(2).equals("members")) {
            members(room, response);
        } else if (publishing) {
            publish(room, caller, request, response);
        } else {
            history(room, request, response);
        }
    }

    private static void refuse(HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        JsonResponses.error(response, e.status(), e.getMessage());
    }

    private static Matcher resource(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return null;
        }
        Matcher matcher = RESOURCE.matcher(path);
        return matcher.matches() ? matcher : null;
    }

    private void members(String room, HttpServletResponse response) throws IOException {
        List<?> presence = hub.existingRoom(room).map(Room::presence).orElse(List.of());
        JsonResponses.sendObject(response, 200, Map.of("room", room, "members", presence));
    }

    private void history(String room, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> since = wholeNumber(request.getParameter("since"), 0, Long.MAX_VALUE);
        Optional<Long> limit = wholeNumber(request.getParameter("limit"), 1, MAX_PAGE);
        if (since.isEmpty()) {
            JsonResponses.error(response, 400, "since must be a whole number, 0 or more");
            return;
        }
        if (limit.isEmpty()) {
            JsonResponses.error(response, 400, "limit must be a whole number from 1 to " + MAX_PAGE);
            return;
        }
        HistoryPage page = hub.history(room, since.get(), limit.get().intValue())
                .orElse(new HistoryPage(room, List.of(), 0));
        JsonResponses.send(response, 200, page.toJson());
    }

    private void publish(String room, Identity caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OptionalLong wait = publishRate.tryTake(proxies.resolve(request).address(), System.nanoTime());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            JsonResponses.error(response, 429, "rate limited: this address publishes faster than the server allows; "
                    + "try again in " + wait.getAsLong() + " s");
            return;
        }
        byte[] body;
        try {
            body = BoundedBody.read(request, maxBodyBytes);
        } catch (BoundedBody.TooLargeException e) {
            response.setHeader("Connection", "close");
            JsonResponses.error(response, 413, e.getMessage());
            return;
        } catch (IOException e) {
            // The client stopped sending (a read timed out) or went away; nothing was said.
            response.setHeader("Connection", "close");
            JsonResponses.error(response, 408, "the request body did not arrive: " + e.getMessage());
            return;
        }
        PublishRequest publish;
        try {
            publish = PublishRequest.parse(body, caller.apiKey() ? null : caller.name());
        } catch (IllegalArgumentException e) {
            JsonResponses.error(response, 400, e.getMessage());
            return;
        }
        if (!caller.apiKey() && caller.name() != null && !caller.name().equals(publish.from())) {
            refuse(response, new AuthenticationException(403, "only an API key may publish as someone else; this "
                    + "token publishes as " + caller.name()));
            return;
        }
        String id = publish.id();
        String key = request.getHeader("Idempotency-Key");
        if (key != null) {
            if (!ChatRules.isValidClientId(key) || (id != null && !id.equals(key))) {
                JsonResponses.error(response, 400, id == null ? "Idempotency-Key must match [A-Za-z0-9_-]{1,64}"
                        : "Idempotency-Key and the body's id differ");
                return;
            }
            id = key;
        }
        try {
            Appended appended = hub.room(room, publish.from()).publish(publish.from(), publish.text(), id)
                    .get(ENGINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!appended.duplicate()) {
                meters.published(Meters.Transport.HTTP);
            }
            JsonResponses.send(response, appended.duplicate() ? 200 : 201, appended.message().event().json());
        } catch (InvalidMessageException e) {
            // A refusal by the message policy is about what was said, not about the request's form.
            JsonResponses.error(response, e.problem().code().equals(Room.REJECTED) ? 422 : 400, e.getMessage());
        } catch (RoomRefusedException e) {
            JsonResponses.error(response, 403, e.getMessage());
        } catch (TooManyRoomsException e) {
            JsonResponses.error(response, 503, e.getMessage());
        } catch (EngineUnavailableException e) {
            unavailable(response, e.getMessage());
        } catch (ExecutionException e) {
            meters.engineFailed(Meters.EngineOp.APPEND);
            unavailable(response, e.getCause() instanceof EngineUnavailableException unavailable
                    ? unavailable.getMessage() : "the engine failed: " + e.getCause());
        } catch (TimeoutException e) {
            meters.engineFailed(Meters.EngineOp.APPEND);
            unavailable(response, "the engine did not answer in " + ENGINE_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response, "interrupted");
        }
    }

    /** 503: nothing was said; the caller may try again with the same id. */
    private static void unavailable(HttpServletResponse response, String why) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        JsonResponses.error(response, 503, "unavailable: " + why);
    }

    /** The parameter as a number in range; absent means the low end for since, the default page for limit. */
    private static Optional<Long> wholeNumber(String value, long min, long max) {
        if (value == null) {
            return Optional.of(min == 0 ? 0L : DEFAULT_PAGE);
        }
        if (!value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long number = Long.parseLong(value);
        return number < min || number > max ? Optional.empty() : Optional.of(number);
    }
}
