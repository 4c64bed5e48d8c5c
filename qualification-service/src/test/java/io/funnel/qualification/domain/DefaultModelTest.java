package io.funnel.qualification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.QualificationEvent.ScoreContribution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded model gives the same points as the first fixed rule set did. */
class DefaultModelTest {

    private static final CompiledModel MODEL = SeededModel.compiled();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void seededModelIsValid() {
        assertThat(ModelValidator.validate(SeededModel.load())).isEmpty();
    }

    @Test
    void decisionMakerInATargetCompany() {
        LeadScore score = score(new LeadAttributes("Head of Operations", 250, "construction", "ES", "obras.example",
                false));
        assertThat(score.total()).isEqualTo(60);
        assertThat(score.contributions()).extracting(ScoreContribution::ruleId)
                .containsExactly("fit.title.decision-maker", "fit.size.mid-market", "fit.industry.target");
        assertThat(score.contributions().get(0).reason()).isEqualTo(
                "Job title 'Head of Operations' is a decision maker");
        assertThat(score.contributions().get(1).reason()).isEqualTo(
                "Company of 250 employees is in the 50-5,000 target range");
    }

    @Test
    void studentWithFreeMail() {
        LeadScore score = score(new LeadAttributes("Student", null, null, "MX", "gmail.com", false));
        assertThat(score.total()).isEqualTo(-35);
        assertThat(score.contributions()).extracting(ScoreContribution::ruleId)
                .containsExactly("fit.title.junior", "fit.email.free-mail");
    }

    @Test
    void juniorRuleOnlyWhenNotAlsoADecisionMaker() {
        assertThat(score(new LeadAttributes("Intern manager", null, null, null, null, false)).contributions())
                .extracting(ScoreContribution::ruleId).containsExactly("fit.title.decision-maker");
        assertThat(score(new LeadAttributes("Internal auditor", null, null, null, null, false)).total()).isZero();
    }

    @Test
    void enterpriseAndPhone() {
        LeadScore score = score(new LeadAttributes(null, 6000, "Finance", null, "bank.example", true));
        assertThat(score.contributions()).extracting(ScoreContribution::ruleId, ScoreContribution::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fit.size.enterprise", 10),
                        org.assertj.core.groups.Tuple.tuple("fit.industry.target", 15),
                        org.assertj.core.groups.Tuple.tuple("fit.phone.given", 5));
    }

    private static LeadScore score(LeadAttributes lead) {
        return LeadScoring.score(MODEL, lead, List.of(), NOW);
    }
}
