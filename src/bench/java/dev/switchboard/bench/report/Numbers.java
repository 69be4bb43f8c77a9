package dev.switchboard.bench.report;

import java.util.Locale;

/** Numbers as people read them in a table: three significant digits, thousands as k. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        if (magnitude >= 10_000) {
            return String.format(Locale.ROOT, "%.1fk", value / 1000);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
