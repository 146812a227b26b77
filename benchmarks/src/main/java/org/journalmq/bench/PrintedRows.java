package org.journalmq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back the rows a run printed, so that the ratio table and chart can cover the rows of
 * several invocations of one measuring session (say, the selector scenarios run without a peer
 * whose default set-up stalls on them). The scenario's metric comes from its name; " #N" pass
 * suffixes are dropped, so the passes of a scenario are compared by their median as in a run.
 */
final class PrintedRows {

    private PrintedRows() {
    }

    static List<Runner.Row> read(List<Path> files, Map<String, Scenario> scenarios) throws IOException {
        List<Runner.Row> rows = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String[] cells = line.split("\\|", -1);
                if (cells.length < 10 || !line.startsWith("| ") || line.startsWith("| peer ")) {
                    continue;
                }
                String scenarioName = cells[3].trim().replaceAll(" #\\d+$", "");
                Scenario s = scenarios.get(scenarioName);
                if (s == null) {
                    continue; // a ratio table row or another table
                }
                String notes = cells[8].trim();
                boolean ok = !notes.startsWith("FAILED");
                rows.add(new Runner.Row(cells[1].trim(), scenarioName, s.metric(), new Result(
                        number(cells[4]) == null ? 0 : number(cells[4]).intValue(), orNaN(number(cells[5])),
                        orNaN(number(cells[6])), orNaN(number(cells[7])), ok ? notes : notes.substring(8), ok)));
            }
        }
        return rows;
    }

    private static Double number(String cell) {
        String t = cell.trim().replace(",", "");
        if (t.isEmpty() || t.equals("–")) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
