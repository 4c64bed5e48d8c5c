package io.funnel.pipeline.persistence;

import io.funnel.pipeline.domain.RepRouter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** One routing rule; rules are tried by {@code position}, then by creation. */
@Entity
public class AssignmentRule extends PanacheEntityBase {

    @Id
    public UUID id;
    public int position;
    public String name;
    @Convert(converter = StringListConverter.class)
    public List<String> countries;
    @Convert(converter = StringListConverter.class)
    public List<String> personas;
    @Convert(converter = StringListConverter.class)
    public List<String> sources;
    public Integer minScore;
    public Integer maxScore;
    public String queue;
    @Convert(converter = StringListConverter.class)
    public List<String> repIds;
    public Instant createdAt;
    @Version
    public long version;

    public static Uni<List<AssignmentRule>> inOrder() {
        return AssignmentRule.list("order by position, createdAt, id");
    }

    public RepRouter.Rule rule() {
        return new RepRouter.Rule(id, new HashSet<>(countries), new HashSet<>(personas), new HashSet<>(sources),
                minScore, maxScore, queue, repIds.stream().map(UUID::fromString).toList());
    }
}
