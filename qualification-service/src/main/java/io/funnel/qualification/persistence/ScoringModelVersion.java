package io.funnel.qualification.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of the scoring model, as JSON; versions are never changed, only added. */
@Entity
@Table(name = "scoring_model")
public class ScoringModelVersion extends PanacheEntityBase {

    @Id
    public int version;
    public String model;
    public String author;
    public Instant createdAt;

    public static Uni<ScoringModelVersion> current() {
        return ScoringModelVersion.<ScoringModelVersion>find("order by version desc").firstResult();
    }

    /** The number of the version in force, or null before the first. */
    public static Uni<Integer> currentVersion() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select max(v.version) from ScoringModelVersion v", Integer.class).getSingleResult());
    }
}
