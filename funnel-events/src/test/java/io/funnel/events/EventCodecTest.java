package io.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    static Stream<FunnelEvent> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void samplesCoverEveryEventType() {
        assertThat(SampleEvents.all().stream().map(EventTypes::typeOf).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughJson(FunnelEvent event) {
        String json = EventCodec.encode(event);

        assertThat(EventCodec.decode(EventTypes.typeOf(event), json)).isEqualTo(event);
        assertThat(EventCodec.decode(EventTypes.typeOf(event), json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
    }

    @Test
    void typeNamesCarryTheVersion() {
        assertThat(EventTypes.all()).containsKeys("io.funnel.LeadCaptured.v1", "io.funnel.AgreementUpdated.v1");
        assertThat(EventTypes.all()).hasSize(23);
    }

    @Test
    void instantsTravelAsIsoText() {
        String json = EventCodec.encode(SampleEvents.all().get(1));

        assertThat(json).contains("\"occurredAt\":\"2026-03-02T09:15:30Z\"");
    }

    @Test
    void unknownTypeIsUnreadable() {
        assertThatThrownBy(() -> EventCodec.decode("io.funnel.Nope.v1", "{}"))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("Unknown event type");
    }

    @Test
    void malformedJsonIsUnreadable() {
        assertThatThrownBy(() -> EventCodec.decode("io.funnel.LeadErased.v1", "{not json"))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void unreadableBytesAreUnreadable() {
        for (byte[] data : new byte[][] {{}, {(byte) 0xC3, (byte) 0x28}, {0, 0, (byte) 0xFE, (byte) 0xFF, 1},
                "{not json".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> EventCodec.decode("io.funnel.LeadErased.v1", data))
                    .isInstanceOf(UnreadableEventException.class);
        }
    }

    @Test
    void missingIdentityIsUnreadable() {
        assertThatThrownBy(() -> EventCodec.decode("io.funnel.LeadErased.v1", "{\"occurredAt\":\"2026-03-02T09:15:30Z\"}"))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("leadId");
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        FunnelEvent event = EventCodec.decode("io.funnel.LeadErased.v1",
                "{\"leadId\":\"" + SampleEvents.LEAD + "\",\"occurredAt\":\"2026-03-02T09:15:30Z\",\"extra\":1}");

        assertThat(event.key()).isEqualTo(SampleEvents.LEAD.toString());
    }

    @Test
    void eventsKnowTheirTopicAndKey() {
        assertThat(SampleEvents.all()).allSatisfy(e -> {
            assertThat(Topics.ALL).contains(e.topic());
            assertThat(e.key()).isNotBlank();
        });
    }
}
