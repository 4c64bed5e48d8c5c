package io.funnel.qualification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.platform.api.Problem.FieldError;
import io.funnel.qualification.domain.ScoringModel.BehaviourRule;
import io.funnel.qualification.domain.ScoringModel.FitRule;
import io.funnel.qualification.domain.ScoringModel.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

    private static final FitRule TITLE = new FitRule("t", "jobTitle", "ceo", null, null, null, 10, "CEO", false);
    private static final BehaviourRule VIEWS = new BehaviourRule("v", "PAGE_VIEW", 1, 5, 30d, "Views");

    @Test
    void namesEachBadRuleByItsPath() {
        ScoringModel model = new ScoringModel(List.of(
                TITLE,
                new FitRule("a", "shoeSize", "x", null, null, null, 1, "r", false),
                new FitRule("b", "jobTitle", "(unclosed", null, null, null, 1, "r", false),
                new FitRule("t", "industry", null, null, List.of("x"), null, 1, "r", false)),
                List.of(VIEWS, new BehaviourRule("c", "PAGE_VIEW", 1, null, -3d, "r"),
                        new BehaviourRule("d", "TELEPATHY", 1, null, null, "r")));

        assertThat(ModelValidator.validate(model)).extracting(FieldError::field).containsExactly(
                "fitRules[1].attribute", "fitRules[2].pattern", "fitRules[3].id", "behaviourRules[1].halfLifeDays",
                "behaviourRules[2].activityType");
        assertThat(ModelValidator.validate(model)).filteredOn(e -> e.field().equals("fitRules[3].id"))
                .singleElement().extracting(FieldError::message).asString().contains("duplicate rule id 't'");
    }

    @Test
    void oneMatcherPerRuleAndRangesOnlyOnCompanySize() {
        ScoringModel model = new ScoringModel(List.of(
                new FitRule("a", "jobTitle", "x", null, List.of("x"), null, 1, "r", false),
                new FitRule("b", "country", null, new Range(1, 2), null, null, 1, "r", false),
                new FitRule("c", "companySize", null, new Range(10, 2), null, null, 1, "r", false),
                new FitRule("d", "industry", null, null, null, null, 1, "r", false),
                new FitRule("e", "phone", null, null, List.of("x"), null, 1, "r", false),
                new FitRule("f", "industry", null, null, List.of("x"), null, null, " ", false)),
                List.of());

        assertThat(ModelValidator.validate(model)).extracting(FieldError::field).containsExactly(
                "fitRules[0]", "fitRules[1].range", "fitRules[2].range", "fitRules[3]", "fitRules[4].present",
                "fitRules[5].points", "fitRules[5].reason");
    }

    @Test
    void validModelHasNoErrors() {
        assertThat(ModelValidator.validate(new ScoringModel(List.of(TITLE), List.of(VIEWS)))).isEmpty();
    }
}
