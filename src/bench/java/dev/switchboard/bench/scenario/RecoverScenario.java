package dev.switchboard.bench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.target.Target;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code recover}: a room's members all drop off, the room moves on without them, and they all reconnect at once with
 * {@code since} = the last seq each saw. Measures the time until every member has caught up, and checks that each
 * received every missed message exactly once, in order.
 */
public final class RecoverScenario implements Scenario {

    public static final Metric CATCH_UP = Metric.lower("recover", "catch-up ms");
    public static final Metric REPLAYED = Metric.higher("recover", "replayed messages/s");
    public static final Metric LOST = Metric.lower("recover", "messages lost");

    /** Messages said while everyone is present, before the drop. */
    private static final int BEFORE = 100;
    private static final JsonFactory JSON = new JsonFactory();

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
            cycle(context, round++);
        } while (warmUp.goesOn());
        List<Double> catchUps = new ArrayList<>();
        long lost = 0;
        double replayed = 0;
        double seconds = 0;
        long measureEnd = System.nanoTime() + load.duration().toNanos();
        do {
            context.awaitServerQuiet();
            Cycle cycle = cycle(context, round++);
            catchUps.add(cycle.seconds() * 1000);
            lost += cycle.lost();
            replayed += (double) load.recoverMembers() * load.recoverGap();
            seconds += cycle.seconds();
        } while (System.nanoTime() < measureEnd);
        Collections.sort(catchUps);
        context.report(CATCH_UP, catchUps.get(catchUps.size() / 2));
        context.report(REPLAYED, replayed / seconds);
        context.report(LOST, lost);
    }

    private record Cycle(double seconds, long lost) {
    }

    private static Cycle cycle(ScenarioContext context, int round) throws Exception {
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

            long start = System.nanoTime();
            channels = Connections.open(context.client(), count, count,
                    i -> target.chat(context.port(), room, "m" + i, members[i].lastSeq()),
                    i -> new MemberHandler(members[i]));
            long lost = 0;
            for (Member member : members) {
                lost += member.awaitSeq(last) ? member.missed() : last - member.lastSeq() + member.missed();
            }
            return new Cycle((System.nanoTime() - start) / 1e9, lost);
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

    /** Reads a member's events: {@code welcome}, {@code message} (its seq) and {@code reset}. */
    private static final class MemberHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final Member member;

        MemberHandler(Member member) {
            this.member = member;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws IOException {
            String type = null;
            long seq = -1;
            try (JsonParser parser = JSON.createParser((java.io.InputStream) new ByteBufInputStream(frame.content()))) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("type".equals(field)) {
                        type = parser.getText();
                    } else if ("seq".equals(field)) {
                        seq = parser.getLongValue();
                    } else if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
            if ("welcome".equals(type)) {
                member.welcome();
            } else if ("message".equals(type)) {
                member.message(seq);
            } else if ("reset".equals(type)) {
                member.reset();
            }
        }
    }
}
