package dev.switchboard.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The run as Markdown: the setup, a table per scenario (median and range per target) and the goals. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * @param setup   lines describing the machine and the options, printed first
     * @param targets each target's name and description
     */
    public static String render(Results results, List<String> setup, Map<String, String> targets) {
        StringBuilder md = new StringBuilder();
        setup.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n| target | what runs |\n|---|---|\n");
        targets.forEach((name, description) -> md.append("| ").append(name).append(" | ").append(description)
                .append(" |\n"));
        List<String> names = results.targets();
        String scenario = null;
        for (Metric metric : results.metrics()) {
            if (!metric.scenario().equals(scenario)) {
                scenario = metric.scenario();
                md.append("\n**").append(scenario).append("** (median, [min–max] over repetitions)\n\n| metric |");
                names.forEach(name -> md.append(' ').append(name).append(" |"));
                md.append("\n|---|");
                names.forEach(name -> md.append("---|"));
                md.append('\n');
            }
            md.append("| ").append(metric.name()).append(metric.higherIsBetter() ? " ↑" : " ↓").append(" |");
            for (String name : names) {
                md.append(' ').append(results.summary(metric, name).map(MarkdownReport::cell).orElse("n/a"))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append("\n**Goals** (ratios of medians from this run)\n\n| goal | measured | met |\n|---|---|---|\n");
        for (Goal goal : Goal.ofIssue7()) {
            Optional<Double> measured = goal.measured(results);
            md.append("| ").append(goal.description()).append(" | ")
                    .append(measured.map(value -> goal.reference() == null ? Numbers.format(value)
                            : String.format(Locale.ROOT, "%.2f×", value)).orElse("not measured"))
                    .append(" | ").append(measured.map(value -> goal.isMet(value) ? "yes" : "**no**").orElse("–"))
                    .append(" |\n");
        }
        if (!results.failures().isEmpty()) {
            md.append("\n**Failures**\n\n");
            results.failures().forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
        return md.toString();
    }

    public static void write(Path file, String markdown) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    private static String cell(Results.Summary summary) {
        String median = Numbers.format(summary.median());
        if (summary.count() == 1) {
            return median;
        }
        return median + " [" + Numbers.format(summary.min()) + "–" + Numbers.format(summary.max()) + "]";
    }
}
