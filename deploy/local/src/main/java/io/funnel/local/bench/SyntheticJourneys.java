package io.funnel.local.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Leads written straight into reporting's read tables, as its projection would have stored them: the leads numbered
 * 1 to n (more written by a later call with a larger n), entered over the last 180 days; every lead has a LEAD entry,
 * 60 % MQL, 30 % SQL, 15 % an opportunity, 5 % customers, 10 % recycled; a third have an anonymous visit, half of
 * those linked to the lead; every lead has a source (5), campaign (50) and content (200).
 */
final class SyntheticJourneys {

    private static final String LEAD_ID = "overlay(md5('s' || i) placing 'ffffffff' from 1 for 8)::uuid";
    private static final String[] WRITES = {
            """
            insert into stage_entry (subject, stage, stage_rank, entered_at)
            select s.subject, st.stage, st.rank, s.t0 + (st.rank * interval '20 hours') * (1 + (s.i %% 7))
            from (select i, %1$s::text as subject,
                         now() - (i %% 180) * interval '1 day' - (i %% 86400) * interval '1 second' as t0
                  from generate_series(1, ?) i) s
            cross join lateral (values ('LEAD', 1, true), ('MQL', 2, s.i %% 10 < 6), ('SQL', 3, s.i %% 10 < 3),
                    ('OPPORTUNITY', 4, s.i %% 20 < 3), ('CUSTOMER', 5, s.i %% 20 < 1)) as st(stage, rank, yes)
            where st.yes
            on conflict do nothing""",
            """
            insert into stage_entry (subject, stage, stage_rank, entered_at)
            select %1$s::text, 'RECYCLED', null, now() - (i %% 170) * interval '1 day'
            from generate_series(1, ?) i where i %% 10 = 7 on conflict do nothing""",
            """
            insert into stage_entry (subject, stage, stage_rank, entered_at)
            select 'visitor:synthetic' || i, 'VISITOR', 0, now() - (i %% 180) * interval '1 day' - interval '2 days'
            from generate_series(1, ?, 3) i on conflict do nothing""",
            """
            insert into visitor_link (visitor_id, lead_id) select 'synthetic' || i, %1$s
            from generate_series(1, ?, 3) i where i %% 2 = 1 on conflict do nothing""",
            """
            insert into lead_attribute (lead_id, source, campaign, content, attributed_at)
            select %1$s, 'source-' || (i %% 5), 'campaign-' || (i %% 50), 'content-' || (i %% 200),
                   now() - (i %% 180) * interval '1 day'
            from generate_series(1, ?) i on conflict do nothing"""};

    private SyntheticJourneys() {
    }

    /** Writes leads 1 to {@code leads}; answers the number of stage entries reporting then holds. */
    static long write(Connection reporting, int leads) throws SQLException {
        for (String write : WRITES) {
            try (PreparedStatement statement = reporting.prepareStatement(write.formatted(LEAD_ID))) {
                statement.setInt(1, leads);
                statement.executeUpdate();
            }
        }
        try (Statement statement = reporting.createStatement()) {
            statement.execute("analyze stage_entry");
            statement.execute("analyze visitor_link");
            statement.execute("analyze lead_attribute");
            var rows = statement.executeQuery("select count(*) from stage_entry");
            rows.next();
            return rows.getLong(1);
        }
    }
}
