package io.funnel.qualification.domain;

import java.util.List;

/** One test on a lead attribute, shared by fit rules and persona criteria; exactly one matcher is set. */
public interface AttributeTest {

    String attribute();

    String pattern();

    ScoringModel.Range range();

    List<String> values();

    Boolean present();
}
