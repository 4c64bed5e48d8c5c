package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.StageEntries;
import io.funnel.events.LifecycleStage;
import io.funnel.reporting.persistence.AgreementVersion;
import io.funnel.reporting.persistence.MarketingCalendar;
import io.funnel.reporting.persistence.MarketingCalendar.Campaign;
import io.funnel.reporting.persistence.MarketingCalendar.Content;
import io.funnel.reporting.persistence.SalesContacts;
import io.funnel.reporting.persistence.SalesFeedback;
import io.funnel.reporting.persistence.SalesFeedback.Opportunity;
import io.funnel.reporting.persistence.Touches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monthly bulletin: what marketing published and launched that month and what it produced so far (traffic,
 * leads, MQLs, pipeline, revenue), who contributed, both sides of the SLA that month, the top rejection reasons and
 * objections, and the gap between the revenue won and the agreed target.
 */
@ApplicationScoped
public class BulletinReport {

    private static final int TOP = 3;

    public record Item(String name, String kind, String by, long traffic, long leads, long mqls, BigDecimal pipeline,
            BigDecimal revenue) {
    }

    public record Bulletin(String month, List<Item> content, List<Item> campaigns, List<String> contributors,
            SlaReport.MarketingMonth marketingSla, SlaReport.SalesSide salesSla,
            List<FeedbackReport.ReasonCount> topRejections, List<FeedbackReport.ObjectionCost> topObjections,
            BigDecimal revenueWon, BigDecimal revenueTarget, BigDecimal revenueGap) {
    }

    /**
     * Everything the bulletin reads, loaded one query after another on the request's session; of the touches and
     * journeys only those of the month's campaigns and content.
     */
    private record Data(MonthsJourneys journeys, List<Opportunity> opportunities, List<Touch> touches,
            Map<String, Long> campaignTraffic, Map<String, Long> contentTraffic, List<Campaign> campaigns,
            List<Content> contents, AgreementTerms terms, SlaReport.ContactTally contacts,
            List<SlaReport.RepBreaches> breaches, List<SalesFeedback.Rejection> rejections,
            List<SalesFeedback.Objection> objections) {
    }

    /** What the bulletin reads of the journeys: the month's MQLs, and which of the touched leads became MQLs. */
    private record MonthsJourneys(Map<YearMonth, SlaReport.MqlMonth> mqlMonths, Set<UUID> touchedMqls) {
    }

    private final StageEntries journeys;
    private final SalesFeedback feedback;
    private final Touches touches;
    private final MarketingCalendar calendar;
    private final SalesContacts contacts;
    private final Clock clock;

    public BulletinReport(StageEntries journeys, SalesFeedback feedback, Touches touches, MarketingCalendar calendar,
            SalesContacts contacts, Clock clock) {
        this.journeys = journeys;
        this.feedback = feedback;
        this.touches = touches;
        this.calendar = calendar;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Uni<Bulletin> of(YearMonth month) {
        Instant now = clock.instant();
        Period period = new Period(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return calendar.campaigns().chain(c -> calendar.contents()
                .chain(n -> touches.naming(
                        c.stream().filter(i -> period.contains(i.launchedAt()))
                                .flatMap(i -> Stream.of(i.id().toString(), i.name())).toList(),
                        n.stream().filter(i -> period.contains(i.publishedAt())).map(i -> i.id().toString()).toList())
                .chain(t -> journeys(t, period, now).chain(j -> feedback.opportunities()
                .chain(o -> touches.traffic("campaign").chain(ct -> touches.traffic("content")
                .chain(nt -> AgreementVersion.history().chain(a -> contacts.collectContacts(period,
                        SlaReport.contactTally(new AgreementTerms(a), now))
                .chain(sc -> contacts.breachesByRep(period).chain(b -> feedback.rejections()
                .chain(r -> feedback.objections()
                .map(x -> build(month, period, now,
                        new Data(j, o, t, ct, nt, c, n, new AgreementTerms(a), sc, b, r, x)))
                )))))))))));
    }

    private Uni<MonthsJourneys> journeys(List<Touch> touched, Period period, Instant now) {
        Set<String> leads = touched.stream().map(t -> t.leadId().toString()).collect(Collectors.toSet());
        return journeys.collectJourneys(now, Collectors.teeing(SlaReport.mqlMonths(period),
                Collectors.filtering(j -> leads.contains(j.subject()) && j.reached(LifecycleStage.MQL),
                        Collectors.mapping(j -> UUID.fromString(j.subject()), Collectors.toSet())),
                MonthsJourneys::new));
    }

    private static Bulletin build(YearMonth month, Period period, Instant now, Data d) {
        Instant end = period.to();
        List<Item> content = d.contents().stream().filter(c -> period.contains(c.publishedAt()))
                .sorted(Comparator.comparing(Content::publishedAt))
                .map(c -> item(c.title(), c.format(), c.author(), d, d.contentTraffic(),
                        Set.of(c.id().toString()), Touch::content))
                .toList();
        List<Item> campaigns = d.campaigns().stream().filter(c -> period.contains(c.launchedAt()))
                .sorted(Comparator.comparing(Campaign::launchedAt))
                .map(c -> item(c.name(), c.channel(), null, d, d.campaignTraffic(),
                        Set.of(c.id().toString(), c.name()), Touch::campaign))
                .toList();
        List<String> contributors = d.contents().stream().filter(c -> period.contains(c.publishedAt()))
                .map(Content::author).filter(Objects::nonNull).distinct().sorted().toList();
        java.util.function.Function<UUID, String> all = lead -> "(all)";
        List<FeedbackReport.ReasonCount> reasons = FeedbackReport.reasons(d.rejections(), period, all);
        List<FeedbackReport.ObjectionCost> objections = FeedbackReport.objections(d.objections(),
                d.opportunities(), period, all);
        BigDecimal won = d.opportunities().stream().filter(o -> o.wonAt() != null && period.contains(o.wonAt()))
                .map(o -> o.wonAmount() == null ? BigDecimal.ZERO : o.wonAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal target = d.terms().inForceAt(end.minusMillis(1)).map(t -> t.revenueTargetPerMonth)
                .orElse(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new Bulletin(month.toString(), content, campaigns, contributors,
                SlaReport.marketing(d.journeys().mqlMonths(), d.terms(), period, now).get(0),
                SlaReport.sales(d.contacts(), d.breaches()),
                reasons.stream().limit(TOP).toList(), objections.stream().limit(TOP).toList(),
                won, target, target.subtract(won).max(BigDecimal.ZERO));
    }

    /** An item's results so far, through the leads that touched it (by id, or by name for campaigns). */
    private static Item item(String name, String kind, String by, Data d, Map<String, Long> traffic,
            Set<String> keys, java.util.function.Function<Touch, String> dimension) {
        Predicate<Touch> matches = t -> dimension.apply(t) != null && keys.contains(dimension.apply(t));
        Set<UUID> leads = d.touches().stream().filter(matches).map(Touch::leadId).collect(Collectors.toSet());
        long mqls = leads.stream().filter(d.journeys().touchedMqls()::contains).count();
        BigDecimal pipeline = d.opportunities().stream().filter(o -> leads.contains(o.leadId()) && o.amount() != null)
                .map(Opportunity::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal revenue = d.opportunities().stream()
                .filter(o -> leads.contains(o.leadId()) && o.wonAmount() != null)
                .map(Opportunity::wonAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        long visits = keys.stream().mapToLong(k -> traffic.getOrDefault(k, 0L)).sum();
        return new Item(name, kind, by, visits, leads.size(), mqls, pipeline, revenue);
    }
}
