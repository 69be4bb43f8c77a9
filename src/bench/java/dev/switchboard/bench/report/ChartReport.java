package dev.switchboard.bench.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One PNG of bar charts, one per headline metric: each target's median, with whiskers as long as the range between
 * repetitions. XChart draws error bars symmetric about the bar, so they show the spread, not where min and max lie;
 * the Markdown tables give those.
 */
public final class ChartReport {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;
    private static final int COLUMNS = 3;

    private ChartReport() {
    }

    public static void write(Path file, Results results, List<Metric> headline) throws IOException {
        List<CategoryChart> charts = new ArrayList<>();
        for (Metric metric : headline) {
            List<String> names = new ArrayList<>();
            List<Double> medians = new ArrayList<>();
            List<Double> spreads = new ArrayList<>();
            for (String target : results.targets()) {
                results.summary(metric, target).ifPresent(summary -> {
                    names.add(target);
                    medians.add(summary.median());
                    spreads.add((summary.max() - summary.min()) / 2);
                });
            }
            if (names.isEmpty()) {
                continue;
            }
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(metric.scenario() + ": " + metric.name() + (metric.higherIsBetter() ? " (higher is better)"
                            : " (lower is better)"))
                    .build();
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setToolTipsEnabled(false);
            chart.getStyler().setLabelsVisible(true);
            chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
            chart.getStyler().setYAxisMin(0.0);
            double largest = medians.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            chart.getStyler().setDecimalPattern(largest >= 100 ? "#,##0" : "#,##0.0#");
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.addSeries(metric.name(), names, medians, spreads);
            charts.add(chart);
        }
        int rows = (charts.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(WIDTH * COLUMNS, HEIGHT * Math.max(rows, 1),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D cell = (Graphics2D) graphics.create((i % COLUMNS) * WIDTH, (i / COLUMNS) * HEIGHT, WIDTH,
                    HEIGHT);
            charts.get(i).paint(cell, WIDTH, HEIGHT);
            cell.dispose();
        }
        graphics.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
