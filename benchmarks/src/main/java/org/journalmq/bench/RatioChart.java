package org.journalmq.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The ratio table as a grouped bar chart (PNG): per scenario one bar per peer, JournalMQ / peer
 * oriented as in {@link Comparison} (above 1: JournalMQ better). The value axis is logarithmic and
 * the bars grow from 1.0, so 0.5 and 2 are the same length either way of the line at 1.0.
 */
final class RatioChart {

    private RatioChart() {
    }

    static void write(Path file, List<Comparison.Ratio> ratios, String subtitle) throws IOException {
        // no display on a build machine, and none is needed to draw into an image
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double min = 1;
        double max = 1;
        for (Comparison.Ratio r : ratios) {
            data.addValue(r.value(), r.peer(), r.scenario());
            min = Math.min(min, r.value());
            max = Math.max(max, r.value());
        }
        JFreeChart chart = ChartFactory.createBarChart("JournalMQ / peer (above 1: JournalMQ better)", "scenario",
                "ratio", data, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LogAxis axis = new LogAxis("JournalMQ / peer (log scale; latency: peer p50 / JournalMQ p50)");
        axis.setBase(2);
        axis.setTickUnit(new NumberTickUnit(1)); // one tick per doubling: ... 0.5, 1, 2, 4 ...
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        axis.setRange(min / 2, max * 2);
        plot.setRangeAxis(axis);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBase(1.0);
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.##")));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        ValueMarker parity = new ValueMarker(1.0, Color.BLACK, new BasicStroke(2f));
        parity.setLabel("1.0 = parity");
        plot.addRangeMarker(parity);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        int width = Math.max(900, 120 + 90 * data.getColumnCount() * Math.max(1, data.getRowCount()) / 2);
        ChartUtils.saveChartAsPNG(new File(file.toString()), chart, width, 600);
    }
}
