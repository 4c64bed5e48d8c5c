package io.funnel.reporting.persistence;

import static io.funnel.reporting.persistence.SalesContacts.instant;
import static io.funnel.reporting.persistence.SalesContacts.millis;

import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Campaigns and content as announced on the marketing topic; the earliest announcement wins. */
@ApplicationScoped
public class MarketingCalendar {

    public record Campaign(UUID id, String name, String channel, Instant launchedAt) {
    }

    public record Content(UUID id, String title, String format, UUID campaignId, String author, Instant publishedAt) {
    }

    public Uni<Void> launched(CampaignLaunched c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into campaign (campaign_id, name, channel, launched_at) values (?1, ?2, ?3, ?4)
                        on conflict (campaign_id) do update set name = excluded.name, channel = excluded.channel,
                            launched_at = excluded.launched_at
                        where excluded.launched_at < campaign.launched_at""")
                .setParameter(1, c.campaignId())
                .setParameter(2, c.name())
                .setParameter(3, c.channel())
                .setParameter(4, c.occurredAt().atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> published(ContentPublished c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into content_item (content_id, title, format, campaign_id, author, published_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (content_id) do update set title = excluded.title, format = excluded.format,
                            campaign_id = excluded.campaign_id, author = excluded.author,
                            published_at = excluded.published_at
                        where excluded.published_at < content_item.published_at""")
                .setParameter(1, c.contentId())
                .setParameter(2, c.title())
                .setParameter(3, c.format())
                .setParameter(4, c.campaignId())
                .setParameter(5, c.author())
                .setParameter(6, c.occurredAt().atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Campaign>> campaigns() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select campaign_id, name, channel, " + millis("launched_at") + " from campaign")
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Campaign((UUID) r[0], (String) r[1], (String) r[2],
                        instant(r[3]))).toList());
    }

    public Uni<List<Content>> contents() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select content_id, title, format, campaign_id, author, " + millis("published_at")
                                + " from content_item")
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Content((UUID) r[0], (String) r[1], (String) r[2],
                        (UUID) r[3], (String) r[4], instant(r[5]))).toList());
    }
}
