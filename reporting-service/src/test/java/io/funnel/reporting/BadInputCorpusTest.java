package io.funnel.reporting;

import io.funnel.local.BadInputCorpusCheck;
import io.funnel.local.FunnelTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(BadInputCorpusCheck.OwnDatabase.class)
@WithTestResource(FunnelTestResource.class)
class BadInputCorpusTest extends BadInputCorpusCheck {
}
