package io.funnel.capture.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A piece of content on the calendar (e-book, webinar, article…), optionally part of a campaign. */
@Entity
@Table(name = "content_item")
public class ContentItem extends PanacheEntityBase {

    public enum Status {
        PLANNED, PUBLISHED
    }

    @Id
    public UUID id;
    public String title;
    public String format;
    public UUID campaignId;
    public String author;
    public String url;
    public LocalDate plannedOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant publishedAt;
    public Instant updatedAt;
    @Version
    public long version;
}
