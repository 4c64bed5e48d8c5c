package io.funnel.reporting.api;

import io.funnel.reporting.domain.BulletinReport.Bulletin;
import io.funnel.reporting.domain.BulletinReport.Item;
import java.util.List;

/** The bulletin as Markdown, for pasting into a wiki or an e-mail. */
final class BulletinMarkdown {

    private BulletinMarkdown() {
    }

    static String render(Bulletin b) {
        StringBuilder md = new StringBuilder();
        md.append("# Revenue bulletin ").append(b.month()).append("\n\n");
        md.append("Revenue won: **").append(b.revenueWon()).append("** of a target of ").append(b.revenueTarget())
                .append(" (gap ").append(b.revenueGap()).append(")\n\n");
        items(md, "Content published", b.content());
        items(md, "Campaigns launched", b.campaigns());
        md.append("## Contributors\n\n");
        md.append(b.contributors().isEmpty() ? "None this month." : String.join(", ", b.contributors().stream()
                .map(BulletinMarkdown::cell).toList())).append("\n\n");
        md.append("## SLA\n\n");
        md.append("- Marketing: ").append(b.marketingSla().mqlsDelivered()).append(" MQLs of ")
                .append(b.marketingSla().mqlsPromised()).append(" promised; accepted share ")
                .append(percent(b.marketingSla().acceptedShare())).append(" (promised ")
                .append(percent(b.marketingSla().acceptedSharePromised())).append(")\n");
        md.append("- Sales: ").append(percent(b.salesSla().shareWithinSla())).append(" first contacted within the SLA; "
                + "median ").append(b.salesSla().medianHoursToFirstContact()).append(" h to first contact\n\n");
        md.append("## Top rejection reasons\n\n");
        if (b.topRejections().isEmpty()) {
            md.append("None this month.\n");
        }
        b.topRejections().forEach(r -> md.append("1. ").append(r.reason()).append(" (").append(r.count())
                .append(")\n"));
        md.append("\n## Top objections\n\n");
        if (b.topObjections().isEmpty()) {
            md.append("None this month.\n");
        }
        b.topObjections().forEach(o -> md.append("1. ").append(cell(o.objection())).append(": ").append(o.mentions())
                .append(" mentions, ").append(o.lostRevenue()).append(" lost\n"));
        return md.toString();
    }

    private static void items(StringBuilder md, String title, List<Item> items) {
        md.append("## ").append(title).append("\n\n");
        if (items.isEmpty()) {
            md.append("None this month.\n\n");
            return;
        }
        md.append("| name | type | by | traffic | leads | MQLs | pipeline | revenue |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        items.forEach(i -> md.append("| ").append(cell(i.name())).append(" | ").append(cell(i.kind())).append(" | ")
                .append(cell(i.by())).append(" | ").append(i.traffic()).append(" | ").append(i.leads())
                .append(" | ").append(i.mqls()).append(" | ").append(i.pipeline()).append(" | ")
                .append(i.revenue()).append(" |\n"));
        md.append("\n");
    }

    /** Text from events goes into a table cell: no pipes, no line breaks, no markup. */
    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + " %";
    }
}
