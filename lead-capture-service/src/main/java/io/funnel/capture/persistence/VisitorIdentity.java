package io.funnel.capture.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** The lead an anonymous visitor id turned out to be; the first identification wins. */
@Entity
public class VisitorIdentity extends PanacheEntityBase {

    @Id
    public String visitorId;
    public UUID leadId;
}
