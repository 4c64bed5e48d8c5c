package io.funnel.reporting.api;

import java.util.List;
import java.util.stream.Collectors;

/** A report flattened to one table for spreadsheets (RFC 4180: comma separated, CRLF, quotes doubled). */
public record CsvTable(List<String> header, List<List<Object>> rows) {

    public String render() {
        StringBuilder csv = new StringBuilder();
        line(csv, header.stream().map(h -> (Object) h).toList());
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        csv.append(cells.stream().map(CsvTable::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection): quote it behind a '.
        if (!text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
