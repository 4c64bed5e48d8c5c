package io.funnel.reporting.persistence;

import static io.funnel.reporting.persistence.SalesContacts.instant;
import static io.funnel.reporting.persistence.SalesContacts.millis;

import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.funnel.platform.persistence.PoolReads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Campaigns and content as announced on the marketing topic; the earliest announcement wins. */
@ApplicationScoped
public class MarketingCalendar {

    public record Campaign(UUID id, String name, String channel, Instant launchedAt) {
    }

    public record Content(UUID id, String title, String format, UUID campaignId, String author, Instant publishedAt) {
    }

    private static final RowWrite LAUNCHED = new RowWrite("campaign", """
            insert into campaign (campaign_id, name, channel, launched_at)
            select distinct on (campaign_id) campaign_id, name, channel, launched_at from %s
            order by campaign_id, launched_at
            on conflict (campaign_id) do update set name = excluded.name, channel = excluded.channel,
                launched_at = excluded.launched_at
            where excluded.launched_at < campaign.launched_at""",
            "campaign_id uuid", "name text", "channel text", "launched_at timestamptz");
    private static final RowWrite PUBLISHED = new RowWrite("content_item", """
            insert into content_item (content_id, title, format, campaign_id, author, published_at)
            select distinct on (content_id) content_id, title, format, campaign_id, author, published_at from %s
            order by content_id, published_at
            on conflict (content_id) do update set title = excluded.title, format = excluded.format,
                campaign_id = excluded.campaign_id, author = excluded.author, published_at = excluded.published_at
            where excluded.published_at < content_item.published_at""",
            "content_id uuid", "title text", "format text", "campaign_id uuid", "author text",
            "published_at timestamptz");

    private final Pool database;

    public MarketingCalendar(Pool database) {
        this.database = database;
    }

    public void launched(ProjectionBatch batch, CampaignLaunched c) {
        batch.add(LAUNCHED, c.campaignId(), c.name(), c.channel(), c.occurredAt());
    }

    public void published(ProjectionBatch batch, ContentPublished c) {
        batch.add(PUBLISHED, c.contentId(), c.title(), c.format(), c.campaignId(), c.author(), c.occurredAt());
    }

    public Uni<List<Campaign>> campaigns() {
        return PoolReads.list(database, "select campaign_id, name, channel, " + millis("launched_at")
                        + " from campaign",
                r -> new Campaign(r.getUUID(0), r.getString(1), r.getString(2), instant(r.getLong(3))));
    }

    public Uni<List<Content>> contents() {
        return PoolReads.list(database, "select content_id, title, format, campaign_id, author, "
                        + millis("published_at") + " from content_item",
                r -> new Content(r.getUUID(0), r.getString(1), r.getString(2), r.getUUID(3), r.getString(4),
                        instant(r.getLong(5))));
    }
}
