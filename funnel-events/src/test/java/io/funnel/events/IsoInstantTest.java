package io.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    private static final long YEAR_1 = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void writesAndReadsWhatTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(YEAR_1, YEAR_9999 + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);

            String text = IsoInstant.format(instant);

            assertThat(text).isEqualTo(instant.toString());
            assertThat(IsoInstant.parseOrNull(text)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T10:02:00.1Z", "2026-03-02T10:02:00.12Z", "2026-03-02T10:02:00.1234Z",
            "2026-03-02T10:02:00.12345678Z", "2024-02-29T23:59:59.999999999Z", "2000-02-29T00:00:00Z",
            "0000-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"})
    void readsAnyNumberOfFractionDigitsAsTheJdkDoes(String text) {
        assertThat(IsoInstant.parseOrNull(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02t10:02:00z", "2026-03-02T10:02:00+01:00", "+12026-03-02T10:02:00Z",
            "2026-03-02T10:02:00.Z", "2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z", " 2026-03-02T10:02:00Z"})
    void leavesOtherFormsToTheJdk(String text) {
        assertThat(IsoInstant.parseOrNull(text)).isNull();
        assertThat(EventCodec.decode("io.funnel.LeadErased.v1", "{\"leadId\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + text + "\"}").occurredAt()).isEqualTo(Instant.parse(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T10:02:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-03-00T00:00:00Z", "2026-03-02T25:00:00Z",
            "2026-03-02T10:60:00Z", "2026-03-02T10:02:61Z", "2026-03-02T10:0x:00Z", "2026-03-02T10:02:00.1x3Z",
            "2O26-03-02T10:02:00Z", "2026-03-02T10:02:00-1Z", "2026-03-02T10:02Z",
            "2026-03-02T10:02:00.1234567890Z"})
    void findsNoInstantWhereTheJdkFindsNone(String text) {
        assertThat(IsoInstant.parseOrNull(text)).isNull();
        assertThatThrownBy(() -> Instant.parse(text)).isNotNull();
    }

    @Test
    void printsInstantsBeyondFourDigitYearsAsTheJdkDoes() {
        for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z")}) {
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void eventsStillReadInstantsInOtherForms() {
        String type = "io.funnel.LeadErased.v1";
        String leadId = UUID.randomUUID().toString();

        assertThat(EventCodec.decode(type, "{\"leadId\":\"" + leadId + "\",\"occurredAt\":\"2026-03-02T11:02:00+01:00\"}")
                .occurredAt()).isEqualTo(Instant.parse("2026-03-02T10:02:00Z"));
        assertThat(EventCodec.decode(type, "{\"leadId\":\"" + leadId + "\",\"occurredAt\":1772445720}").occurredAt())
                .isEqualTo(Instant.parse("2026-03-02T10:02:00Z"));
        assertThatThrownBy(() -> EventCodec.decode(type, "{\"leadId\":\"" + leadId
                + "\",\"occurredAt\":\"2026-02-30T10:02:00Z\"}"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("2026-02-30T10:02:00Z");
    }
}
