package io.funnel.reporting.api;

import io.funnel.reporting.domain.AttributionReport;
import io.funnel.reporting.domain.BulletinReport;
import io.funnel.reporting.domain.FeedbackReport;
import io.funnel.reporting.domain.FunnelMath;
import io.funnel.reporting.domain.FunnelReport;
import io.funnel.reporting.domain.GoalProgress;
import io.funnel.reporting.domain.ReversePlan;
import io.funnel.reporting.domain.SlaReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How each report becomes one CSV table. */
final class CsvExports {

    static final String ALL = "(all)";

    private CsvExports() {
    }

    static Optional<CsvTable> table(Object report) {
        if (report instanceof FunnelReport.Funnel f) {
            return Optional.of(funnel(f));
        }
        if (report instanceof SlaReport.Sla s) {
            return Optional.of(sla(s));
        }
        if (report instanceof FeedbackReport.Feedback f) {
            return Optional.of(feedback(f));
        }
        if (report instanceof AttributionReport.Attribution a) {
            return Optional.of(attribution(a));
        }
        if (report instanceof ReversePlan.Plan p) {
            return Optional.of(plan(p));
        }
        if (report instanceof BulletinReport.Bulletin b) {
            return Optional.of(bulletin(b));
        }
        // The goal list is the one list answered as CSV (an empty one too).
        if (report instanceof List<?> list && list.stream().allMatch(GoalProgress.Progress.class::isInstance)) {
            return Optional.of(goals(list.stream().map(GoalProgress.Progress.class::cast).toList()));
        }
        return Optional.empty();
    }

    private static CsvTable funnel(FunnelReport.Funnel f) {
        List<List<Object>> rows = new ArrayList<>();
        stageRows(rows, ALL, f.stages(), f.recycled(), f.disqualified(), f.lost());
        f.groups().forEach(g -> stageRows(rows, g.key(), g.stages(), g.recycled(), g.disqualified(), g.lost()));
        return new CsvTable(List.of("group", "stage", "entered", "conversionToNext", "medianHoursInStage",
                "p90HoursInStage", "recycled", "disqualified", "lost"), rows);
    }

    private static void stageRows(List<List<Object>> rows, String group, List<FunnelMath.StageCount> stages,
            long recycled, long disqualified, long lost) {
        stages.forEach(s -> rows.add(List.of(group, s.stage(), s.entered(), s.conversionToNext(),
                s.medianHoursInStage(), s.p90HoursInStage(), recycled, disqualified, lost)));
    }

    /** Long format (section, key, metric, value): the two sides have different shapes. */
    private static CsvTable sla(SlaReport.Sla s) {
        List<List<Object>> rows = new ArrayList<>();
        s.marketing().forEach(m -> {
            add(rows, "marketing", m.month(), "mqlsDelivered", m.mqlsDelivered());
            add(rows, "marketing", m.month(), "mqlsPromised", m.mqlsPromised());
            add(rows, "marketing", m.month(), "accepted", m.accepted());
            add(rows, "marketing", m.month(), "rejected", m.rejected());
            add(rows, "marketing", m.month(), "acceptedShare", m.acceptedShare());
            add(rows, "marketing", m.month(), "acceptedSharePromised", m.acceptedSharePromised());
        });
        SlaReport.SalesSide sales = s.sales();
        add(rows, "sales", ALL, "assigned", sales.assigned());
        add(rows, "sales", ALL, "contactedWithinSla", sales.contactedWithinSla());
        add(rows, "sales", ALL, "shareWithinSla", sales.shareWithinSla());
        add(rows, "sales", ALL, "medianHoursToFirstContact", sales.medianHoursToFirstContact());
        sales.breachesByRep().forEach(r -> add(rows, "breaches", r.repId(), "total", r.total()));
        return new CsvTable(List.of("section", "key", "metric", "value"), rows);
    }

    private static void add(List<List<Object>> rows, String section, String key, String metric, Object value) {
        rows.add(List.of(section, key, metric, value));
    }

    private static CsvTable feedback(FeedbackReport.Feedback f) {
        List<List<Object>> rows = new ArrayList<>();
        f.rejections().forEach(r -> rows.add(List.of("rejection", r.group(), r.reason(), r.count(), "", "")));
        f.objections().forEach(o -> rows.add(List.of("objection", o.group(), o.objection(), o.mentions(),
                o.lostOpportunities(), o.lostRevenue())));
        return new CsvTable(List.of("kind", f.groupBy(), "item", "count", "lostOpportunities", "lostRevenue"), rows);
    }

    private static CsvTable attribution(AttributionReport.Attribution a) {
        List<List<Object>> rows = new ArrayList<>();
        a.models().forEach(m -> {
            m.byCampaign().forEach(c -> rows.add(List.of(m.model(), "campaign", c.key(), c.revenue(), c.pipeline())));
            m.byContent().forEach(c -> rows.add(List.of(m.model(), "content", c.key(), c.revenue(), c.pipeline())));
        });
        return new CsvTable(List.of("model", "dimension", "key", "revenue", "pipeline"), rows);
    }

    private static CsvTable plan(ReversePlan.Plan p) {
        List<List<Object>> rows = new ArrayList<>();
        p.stages().forEach(s -> rows.add(Arrays.asList(s.stage(), s.conversionToNext(),
                s.medianHoursInStage(), s.needed(), s.enterBy(), s.inFunnelNow(), s.neededForGap())));
        return new CsvTable(List.of("stage", "conversionToNext", "medianHoursInStage", "needed", "enterBy",
                "inFunnelNow", "neededForGap"), rows);
    }

    /** The bulletin's two tables, content published and campaigns launched, one after the other. */
    private static CsvTable bulletin(BulletinReport.Bulletin b) {
        List<List<Object>> rows = new ArrayList<>();
        b.content().forEach(i -> rows.add(item("content", i)));
        b.campaigns().forEach(i -> rows.add(item("campaign", i)));
        return new CsvTable(List.of("section", "name", "type", "by", "traffic", "leads", "mqls", "pipeline",
                "revenue"), rows);
    }

    private static List<Object> item(String section, BulletinReport.Item i) {
        return Arrays.asList(section, i.name(), i.kind(), i.by(), i.traffic(), i.leads(), i.mqls(),
                i.pipeline(), i.revenue());
    }

    private static CsvTable goals(List<GoalProgress.Progress> goals) {
        List<List<Object>> rows = new ArrayList<>();
        goals.forEach(g -> rows.add(List.of(g.id(), g.name(), g.metric(), g.target(), g.startsOn(), g.deadline(),
                g.ownerTeam(), g.actual(), g.share(), g.expectedByNow(), g.status())));
        return new CsvTable(List.of("id", "name", "metric", "target", "startsOn", "deadline", "ownerTeam", "actual",
                "share", "expectedByNow", "status"), rows);
    }
}
