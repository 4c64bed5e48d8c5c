package io.funnel.platform.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.funnel.events.IsoInstant;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Many rows as one statement parameter: a JSON array of objects that the statement reads back with
 * {@code json_to_recordset}, so a batch of any size costs one round trip and one plan. The parameter is declared text:
 * given a string for a json parameter, the driver would send a JSON string scalar.
 */
public final class JsonRecordset {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonRecordset() {
    }

    /** The SQL that reads parameter 1 (Hibernate's {@code ?1}) as rows named {@code r}, of "name type" columns. */
    public static String source(String columnDefinitions) {
        return source("?1", columnDefinitions);
    }

    /** The same with the parameter as another client names it ({@code $1} for PostgreSQL's). */
    public static String source(String parameter, String columnDefinitions) {
        return "json_to_recordset(cast(cast(" + parameter + " as text) as json)) as r(" + columnDefinitions + ")";
    }

    /**
     * The rows, each value in the column of the same position: numbers as numbers, the rest as their text. Instants
     * go in microseconds, the rest truncated as Hibernate stores them (PostgreSQL would round the text), so a value
     * written here compares equal to one written through an entity.
     */
    public static String encode(List<String> columns, List<Object[]> rows) {
        StringWriter out = new StringWriter(rows.size() * 64 * columns.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (Object[] row : rows) {
                json.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    json.writeFieldName(columns.get(i));
                    write(json, row[i]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Instant instant) {
            json.writeString(IsoInstant.format(instant.truncatedTo(ChronoUnit.MICROS)));
        } else {
            json.writeString(value.toString());
        }
    }
}
