package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.StageEntries;
import io.funnel.events.LifecycleStage;
import io.funnel.reporting.persistence.AgreementVersion;
import io.funnel.reporting.persistence.SalesContacts;
import io.funnel.reporting.persistence.SalesContacts.Contact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * Both sides of the agreement. Marketing: MQLs delivered per month (by MQL time) against the promise of the version in
 * force at the month's end, and the share sales accepted of those it decided on. Sales: of the leads first assigned in
 * the period, the share first contacted by the due time the pipeline set (or assignment plus the agreed hours), hours
 * to first contact, and breaches per rep.
 */
@ApplicationScoped
public class SlaReport {

    public static final String UNASSIGNED = "(unassigned)";

    public record MarketingMonth(String month, Integer agreementVersion, long mqlsDelivered, long mqlsPromised,
            boolean volumeMet, long accepted, long rejected, long undecided, double acceptedShare,
            double acceptedSharePromised, boolean qualityMet) {
    }

    public record RepBreaches(String repId, long firstContact, long decision, long total) {
    }

    public record SalesSide(long assigned, long contacted, long measured, long contactedWithinSla,
            double shareWithinSla, double medianHoursToFirstContact, double p90HoursToFirstContact,
            List<RepBreaches> breachesByRep) {
    }

    public record Sla(Instant from, Instant to, List<MarketingMonth> marketing, SalesSide sales) {
    }

    private final StageEntries journeys;
    private final SalesContacts contacts;
    private final Clock clock;

    public SlaReport(StageEntries journeys, SalesContacts contacts, Clock clock) {
        this.journeys = journeys;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** The MQLs of one month and what sales decided on them so far. */
    static final class MqlMonth {

        private long delivered;
        private long accepted;
        private long rejected;

        void add(LeadJourney mql) {
            delivered++;
            if (mql.reached(LifecycleStage.SQL)) {
                accepted++;
            } else if (mql.entries().containsKey(LifecycleStage.RECYCLED)) {
                rejected++;
            }
        }

        MqlMonth merge(MqlMonth other) {
            delivered += other.delivered;
            accepted += other.accepted;
            rejected += other.rejected;
            return this;
        }
    }

    public Uni<Sla> report(Period period) {
        Instant now = clock.instant();
        return AgreementVersion.history().map(AgreementTerms::new)
                .chain(terms -> journeys.collectJourneys(now, mqlMonths(period))
                        .chain(mqlMonths -> contacts.collectContacts(period, contactTally(terms, now))
                                .chain(assigned -> contacts.breachesByRep(period)
                                        .map(breaches -> new Sla(period.from(), period.to(),
                                                marketing(mqlMonths, terms, period, now),
                                                sales(assigned, breaches))))));
    }

    /** The journeys that became MQLs in the period, tallied by the month they did. */
    static Collector<LeadJourney, ?, Map<YearMonth, MqlMonth>> mqlMonths(Period period) {
        return Collectors.filtering(j -> j.entries().containsKey(LifecycleStage.MQL)
                        && period.contains(j.entries().get(LifecycleStage.MQL)),
                Collectors.groupingBy(j -> month(j.entries().get(LifecycleStage.MQL)), TreeMap::new,
                        Collector.of(MqlMonth::new, MqlMonth::add, MqlMonth::merge)));
    }

    static List<MarketingMonth> marketing(Map<YearMonth, MqlMonth> byMonth, AgreementTerms terms, Period period,
            Instant now) {
        List<MarketingMonth> months = new ArrayList<>();
        for (YearMonth m : months(byMonth, period, now)) {
            MqlMonth mqls = byMonth.getOrDefault(m, new MqlMonth());
            long accepted = mqls.accepted;
            long rejected = mqls.rejected;
            Optional<AgreementVersion> terms0 = terms.inForceAt(m.plusMonths(1).atDay(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
            long promised = terms0.map(t -> (long) t.mqlsPerMonth).orElse(0L);
            double promisedShare = terms0.map(t -> t.acceptedShare.doubleValue()).orElse(0.0);
            double share = Percentiles.share(accepted, accepted + rejected);
            months.add(new MarketingMonth(m.toString(), terms0.map(t -> t.version).orElse(null), mqls.delivered,
                    promised, terms0.isPresent() && mqls.delivered >= promised, accepted, rejected,
                    mqls.delivered - accepted - rejected, share, promisedShare,
                    terms0.isPresent() && accepted + rejected > 0 && share >= promisedShare));
        }
        return months;
    }

    /** Every month of the period; an open start begins at the first month with MQLs, an open end at now. */
    private static List<YearMonth> months(Map<YearMonth, ?> withData, Period period, Instant now) {
        YearMonth last = month(period.to() == null ? now : period.to().minusMillis(1));
        YearMonth first = period.from() != null ? month(period.from())
                : withData.keySet().stream().min(YearMonth::compareTo).orElse(last);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The sales side's tallies over the contacts of the leads first assigned in the period. */
    static final class ContactTally {

        private final AgreementTerms terms;
        private final Instant now;
        private final Samples hours = new Samples();
        private long assigned;
        private long measured;
        private long withinSla;

        ContactTally(AgreementTerms terms, Instant now) {
            this.terms = terms;
            this.now = now;
        }

        void add(Contact c) {
            assigned++;
            Instant due = c.due() != null ? c.due() : terms.inForceAt(c.assignedAt())
                    .map(t -> c.assignedAt().plus(Duration.ofHours(t.firstContactHours))).orElse(null);
            if (c.contactedAt() != null) {
                hours.add(FunnelMath.hours(Duration.between(c.assignedAt(), c.contactedAt())));
                measured++;
                if (due == null || !c.contactedAt().isAfter(due)) {
                    withinSla++;
                }
            } else if (due != null && due.isBefore(now)) {
                measured++;
            }
        }

        ContactTally merge(ContactTally other) {
            hours.addAll(other.hours);
            assigned += other.assigned;
            measured += other.measured;
            withinSla += other.withinSla;
            return this;
        }
    }

    static Collector<Contact, ?, ContactTally> contactTally(AgreementTerms terms, Instant now) {
        return Collector.of(() -> new ContactTally(terms, now), ContactTally::add, ContactTally::merge);
    }

    static SalesSide sales(ContactTally contacts, List<RepBreaches> breachesByRep) {
        return new SalesSide(contacts.assigned, contacts.hours.size(), contacts.measured, contacts.withinSla,
                Percentiles.share(contacts.withinSla, contacts.measured),
                Percentiles.round2(contacts.hours.median()), Percentiles.round2(contacts.hours.percentile(0.9)),
                breachesByRep);
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }
}
