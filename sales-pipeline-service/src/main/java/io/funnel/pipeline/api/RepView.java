package io.funnel.pipeline.api;

import io.funnel.pipeline.persistence.Rep;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/** A rep with the load that routing sees: open (undecided) leads against capacity. */
public record RepView(UUID id, String name, String email, String team, List<String> territories, List<String> personas,
        int capacity, long openLeads, RepRequest.WorkingHours workingHours, String timeZone, boolean active,
        long version) {

    static RepView of(Rep rep, long openLeads) {
        return new RepView(rep.id, rep.name, rep.email, rep.team, rep.territories, rep.personas, rep.capacity, openLeads,
                new RepRequest.WorkingHours(rep.workStart, rep.workEnd,
                        rep.workDays.stream().map(DayOfWeek::valueOf).toList()),
                rep.timeZone, rep.active, rep.version);
    }
}
