package dev.switchboard.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.target.Target;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code recover}: a room's members all drop off, the room moves on without them, and they all reconnect at once with
 * {@code since} = the last seq each saw. Measures the time until every member has caught up, and checks that each
 * received every missed message exactly once, in order.
 */
public final class RecoverScenario implements Scenario {

    public static final Metric CATCH_UP = Metric.lower("recover", "catch-up ms");
    public static final Metric REPLAYED = Metric.higher("recover", "replayed messages/s");
    public static final Metric LOST = Metric.lower("recover", "messages lost");
    public static final Metric SERVER_CPU = Metric.lower("recover", "server CPU µs/member");
    public static final Metric SERVER_PERCENT = Metric.lower("recover", "server CPU %");
    public static final Metric CLIENT_PERCENT = Metric.lower("recover", "client CPU %");

    /** Messages said while everyone is present, before the drop. */
    private static final int BEFORE = 100;
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "recover";
    }

    @Override
    public boolean appliesTo(Target target) {
        return target.hasHistory();
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Load load = context.load();
        int round = 0;
        WarmUp warmUp = new WarmUp(context);
        do {
            cycle(context, round++, false);
        } while (warmUp.goesOn());
        List<Double> catchUps = new ArrayList<>();
        double serverCpu = 0;
        double clientCpu = 0;
        long lost = 0;
        double replayed = 0;
        double seconds = 0;
        long measureEnd = System.nanoTime() + load.duration().toNanos();
        do {
            context.awaitServerQuiet();
            Cycle cycle = cycle(context, round++, true);
            catchUps.add(cycle.seconds() * 1000);
            lost += cycle.lost();
            replayed += (double) load.recoverMembers() * load.recoverGap();
            seconds += cycle.seconds();
            serverCpu += cycle.cpu().serverCpuSeconds();
            clientCpu += cycle.cpu().clientCpuSeconds();
        } while (System.nanoTime() < measureEnd);
        Collections.sort(catchUps);
        context.report(CATCH_UP, catchUps.get(catchUps.size() / 2));
        context.report(REPLAYED, replayed / seconds);
        context.report(LOST, lost);
        context.report(SERVER_CPU, serverCpu * 1e6 / catchUps.size() / load.recoverMembers());
        context.report(SERVER_PERCENT, serverCpu * 100 / seconds);
        context.report(CLIENT_PERCENT, clientCpu * 100 / seconds);
    }

    /** @param cpu the server's and the client's CPU from the reconnects until everyone caught up */
    private record Cycle(double seconds, long lost, CpuInterval.Elapsed cpu) {
    }

    /** One drop and reconnect; a measured one is profiled from the reconnects until everyone caught up. */
    private static Cycle cycle(ScenarioContext context, int round, boolean measured) throws Exception {
        Load load = context.load();
        Target target = context.target();
        String room = "recover" + context.run() + "r" + round;
        int count = load.recoverMembers();
        long last = BEFORE + load.recoverGap();
        Member[] members = new Member[count];
        for (int i = 0; i < count; i++) {
            members[i] = new Member();
        }
        Member publisherState = new Member();
        Channel publisher = Connections.open(context.client(), target.chat(context.port(), room, "pub", -1),
                new MemberHandler(publisherState));
        List<Channel> channels = List.of();
        try {
            publisherState.awaitWelcome();
            channels = Connections.open(context.client(), count, load.handshakesInFlight(),
                    i -> target.chat(context.port(), room, "m" + i, -1), i -> new MemberHandler(members[i]));
            for (Member member : members) {
                member.awaitWelcome();
            }
            say(publisher, target, BEFORE);
            for (Member member : members) {
                member.awaitSeq(BEFORE);
            }
            Connections.close(channels);
            say(publisher, target, load.recoverGap());
            publisherState.awaitSeq(last);

            CpuInterval interval = measured ? context.startInterval() : CpuInterval.start(context.server().pid());
            long start = System.nanoTime();
            channels = Connections.open(context.client(), count, count,
                    i -> target.chat(context.port(), room, "m" + i, members[i].lastSeq()),
                    i -> new MemberHandler(members[i]));
            long lost = 0;
            for (Member member : members) {
                lost += member.awaitSeq(last) ? member.missed() : last - member.lastSeq() + member.missed();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuInterval.Elapsed cpu = measured ? context.endInterval(interval, "recover") : interval.end();
            return new Cycle(seconds, lost, cpu);
        } finally {
            Connections.close(channels);
            Connections.close(List.of(publisher));
        }
    }

    private static void say(Channel publisher, Target target, int messages) {
        for (int i = 0; i < messages; i++) {
            publisher.write(new TextWebSocketFrame(target.say("recovery message " + i)));
        }
        publisher.flush();
    }

    /** What one member has seen, across its connections: the last seq, and every seq that was skipped. */
    private static final class Member {
        private final CountDownLatch welcomed = new CountDownLatch(1);
        private long lastSeq = -1;
        private long missed;
        private long target = Long.MAX_VALUE;
        private CountDownLatch reached;

        synchronized void welcome() {
            welcomed.countDown();
        }

        synchronized void message(long seq) {
            if (lastSeq >= 0 && seq != lastSeq + 1) {
                missed += Math.max(0, seq - lastSeq - 1);
            }
            lastSeq = Math.max(lastSeq, seq);
            if (reached != null && lastSeq >= target) {
                reached.countDown();
            }
        }

        synchronized void reset() {
            missed++;
        }

        synchronized long lastSeq() {
            return lastSeq;
        }

        synchronized long missed() {
            return missed;
        }

        void awaitWelcome() throws InterruptedException, IOException {
            if (!welcomed.await(60, TimeUnit.SECONDS)) {
                throw new IOException("no welcome within 60 s");
            }
        }

        /** Waits until this member has seen {@code seq}; false after 60 s. */
        boolean awaitSeq(long seq) throws InterruptedException {
            CountDownLatch latch;
            synchronized (this) {
                if (lastSeq >= seq) {
                    return true;
                }
                target = seq;
                reached = latch = new CountDownLatch(1);
            }
            return latch.await(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads a member's events: {@code welcome}, {@code message} (its seq) and {@code reset}. Ten thousand members
     * catching up read five million messages, which parsing each as JSON made the client's work, not the server's;
     * so the type and the seq are read from the bytes: the server writes {@code type} first and {@code seq} before any
     * text a member said (see Events), and the first message's fields are checked against a JSON parse.
     */
    private static final class MemberHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private static final byte[] TYPE_PREFIX = "{\"type\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] SEQ_FIELD = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
        private static final AtomicBoolean CHECKED = new AtomicBoolean();

        private final Member member;

        MemberHandler(Member member) {
            this.member = member;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws IOException {
            ByteBuf content = frame.content();
            String type = typeOf(content);
            if ("welcome".equals(type)) {
                member.welcome();
            } else if ("message".equals(type)) {
                long seq = seqOf(content);
                if (!CHECKED.get() && CHECKED.compareAndSet(false, true)) {
                    JsonNode parsed = JSON_MAPPER.readTree(content.toString(StandardCharsets.UTF_8));
                    if (!parsed.path("type").asText().equals(type) || parsed.path("seq").asLong() != seq) {
                        throw new IOException("the fast reading of " + parsed + " got " + type + " " + seq);
                    }
                }
                member.message(seq);
            } else if ("reset".equals(type)) {
                member.reset();
            }
        }

        private static boolean matches(ByteBuf content, int at, byte[] expected) {
            for (int i = 0; i < expected.length; i++) {
                if (content.getByte(at + i) != expected[i]) {
                    return false;
                }
            }
            return true;
        }

        private static String typeOf(ByteBuf content) throws IOException {
            int start = content.readerIndex() + TYPE_PREFIX.length;
            if (content.readableBytes() < TYPE_PREFIX.length || !matches(content, content.readerIndex(), TYPE_PREFIX)) {
                throw new IOException("an event that does not start with its type: "
                        + content.toString(StandardCharsets.UTF_8));
            }
            int end = content.indexOf(start, content.writerIndex(), (byte) '"');
            return content.toString(start, end - start, StandardCharsets.US_ASCII);
        }

        /** The seq of a message: the digits after the first {@code "seq":}, which comes within its first bytes. */
        private static long seqOf(ByteBuf content) throws IOException {
            int at = -1;
            for (int i = content.readerIndex(), last = content.writerIndex() - SEQ_FIELD.length; i <= last; i++) {
                if (matches(content, i, SEQ_FIELD)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new IOException("a message without seq: " + content.toString(StandardCharsets.UTF_8));
            }
            long seq = 0;
            for (int i = at + SEQ_FIELD.length; i < content.writerIndex(); i++) {
                byte digit = content.getByte(i);
                if (digit < '0' || digit > '9') {
                    break;
                }
                seq = seq * 10 + (digit - '0');
            }
            return seq;
        }
    }
}
