package io.funnel.system;

import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks for a piece of personal data in every text column of every service's database. */
final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** {@code service.table.column} of every column holding the marker, case-insensitively; empty when none. */
    static List<String> tracesOf(FunnelStack stack, String marker) {
        List<String> traces = new ArrayList<>();
        for (FunnelService service : FunnelService.values()) {
            try (Connection db = stack.connect(service)) {
                for (String[] column : textColumns(db)) {
                    String sql = "select count(*) from \"" + column[0] + "\" where \"" + column[1]
                            + "\"::text ilike ?";
                    try (PreparedStatement query = db.prepareStatement(sql)) {
                        query.setString(1, "%" + marker + "%");
                        try (ResultSet count = query.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                traces.add(service.module() + "." + column[0] + "." + column[1]);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return traces;
    }

    private static List<String[]> textColumns(Connection db) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select table_name, column_name from "
                + "information_schema.columns where table_schema = 'public' and table_name <> 'flyway_schema_history'"
                + " and data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return columns;
    }
}
