package io.funnel.pipeline.persistence;

import io.funnel.pipeline.domain.RepRouter;
import io.funnel.pipeline.domain.WorkingCalendar;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A sales rep who takes MQLs. Never deleted (leads keep pointing at it), only deactivated. */
@Entity
public class Rep extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String email;
    /** The sales team the rep belongs to, if any. */
    public String team;
    /** ISO 3166-1 alpha-2 codes, upper case. */
    @Convert(converter = StringListConverter.class)
    public List<String> territories;
    /** Empty: takes any persona. */
    @Convert(converter = StringListConverter.class)
    public List<String> personas;
    public int capacity;
    public LocalTime workStart;
    public LocalTime workEnd;
    /** {@link DayOfWeek} names. */
    @Convert(converter = StringListConverter.class)
    public List<String> workDays;
    public String timeZone;
    public boolean active;
    public Long lastTurn;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public WorkingCalendar calendar() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        workDays.forEach(d -> days.add(DayOfWeek.valueOf(d)));
        return new WorkingCalendar(workStart, workEnd, days, ZoneId.of(timeZone));
    }

    public RepRouter.Candidate candidate() {
        return new RepRouter.Candidate(id, new HashSet<>(territories), new HashSet<>(personas), capacity, active,
                lastTurn);
    }
}
