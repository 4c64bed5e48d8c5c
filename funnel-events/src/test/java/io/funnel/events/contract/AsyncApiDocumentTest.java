package io.funnel.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.EventTypes;
import io.funnel.events.FunnelEvent;
import io.funnel.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    /** The checked-in copy; surefire runs in the module directory. */
    static final Path CHECKED_IN = Path.of("src/main/resources").resolve(AsyncApiDocument.RESOURCE);

    private final ObjectNode document = AsyncApiDocument.build();

    @Test
    void checkedInDocumentIsWhatTheVocabularyGenerates() throws IOException {
        String generated = AsyncApiDocument.render();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, generated, StandardCharsets.UTF_8);
        }

        assertThat(CHECKED_IN).exists();
        assertThat(firstDifference(Files.readString(CHECKED_IN, StandardCharsets.UTF_8), generated))
                .as("%s is out of date: run ./mvnw test -pl funnel-events -Dtest=AsyncApiDocumentTest "
                        + "-Dasyncapi.write=true and review the diff", CHECKED_IN)
                .isEmpty();
    }

    /** The first line that differs, rather than two 70 KB strings in the failure message. */
    private static Optional<String> firstDifference(String checkedIn, String generated) {
        List<String> was = checkedIn.lines().toList();
        List<String> is = generated.lines().toList();
        for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
            String before = i < was.size() ? was.get(i) : "<end of file>";
            String now = i < is.size() ? is.get(i) : "<end of file>";
            if (!before.equals(now)) {
                return Optional.of("line " + (i + 1) + ": checked in " + before.strip() + ", generated " + now.strip());
            }
        }
        return checkedIn.equals(generated) ? Optional.empty() : Optional.of("line ends or final newline differ");
    }

    @Test
    void jarCarriesItWhereQuarkusServesStaticResources() throws IOException {
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            assertThat(resource).as("classpath resource %s", AsyncApiDocument.RESOURCE).isNotNull();
        }
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannel() {
        List<String> expected = new ArrayList<>();
        Topics.ALL.forEach(t -> expected.addAll(List.of(t, Topics.deadLetter(t))));

        assertThat(document.get("channels").findValuesAsText("address")).containsExactlyElementsOf(expected);
    }

    @Test
    void everyEventTypeIsAMessageSentByItsTopicsProducer() {
        for (Map.Entry<String, Class<? extends FunnelEvent>> entry : EventTypes.all().entrySet()) {
            String name = entry.getValue().getSimpleName();
            String topic = RecordProbe.topicOf(entry.getValue());
            String channel = topic.replace('.', '-');
            JsonNode message = document.at("/components/messages/" + name);

            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText()).isEqualTo(entry.getKey());
            assertThat(message.at("/headers/allOf/1/properties/ce_source/const").asText())
                    .isEqualTo("/" + TopicProducers.of(topic));
            assertThat(message.at("/payload/$ref").asText()).isEqualTo("#/components/schemas/" + name);
            assertThat(document.at("/channels/" + channel + "/messages/" + name + "/$ref").asText())
                    .isEqualTo("#/components/messages/" + name);
            assertThat(document.at("/operations/send-" + channel + "/action").asText()).isEqualTo("send");
            assertThat(document.at("/operations/send-" + channel + "/messages").findValuesAsText("$ref"))
                    .contains("#/channels/" + channel + "/messages/" + name);
        }
        assertThat(document.at("/components/messages").size()).isEqualTo(EventTypes.all().size() + 1);
    }

    @Test
    void requiredFollowsTheConstructorGuards() {
        assertThat(required("LeadErased")).containsExactly("leadId", "occurredAt");
        // either id will do, so neither alone is required
        assertThat(required("VisitorActivityRecorded")).containsExactly("activityId", "type", "occurredAt");
        // null becomes an empty list, so the list is always written
        assertThat(required("LeadScored")).contains("contributions", "total");
        assertThat(required("Consent")).containsExactly("marketing");
        assertThat(required("LeadProfile")).isEmpty();
        assertThat(schema("LeadAssigned").at("/properties/repId/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schema("LeadCaptured").at("/properties/attribution/anyOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/Attribution\"},{\"type\":\"null\"}]");
    }

    @Test
    void typesAreDescribedAsTheCodecWritesThem() {
        assertThat(schema("LeadCaptured").at("/properties/leadId/format").asText()).isEqualTo("uuid");
        assertThat(schema("LeadCaptured").at("/properties/occurredAt/format").asText()).isEqualTo("date-time");
        assertThat(schema("CampaignLaunched").at("/properties/startsOn/format").asText()).isEqualTo("date");
        assertThat(schema("OpportunityWon").at("/properties/amount/type").asText()).isEqualTo("number");
        assertThat(schema("Consent").at("/properties/marketing/type").asText()).isEqualTo("boolean");
        assertThat(schema("LeadScored").at("/properties/contributions/items/$ref").asText())
                .isEqualTo("#/components/schemas/ScoreContribution");
        assertThat(schema("Attribution").at("/properties/fields/type").toString())
                .isEqualTo("[\"object\",\"null\"]");
        assertThat(schema("Attribution").at("/properties/fields/additionalProperties/type").asText())
                .isEqualTo("string");
        assertThat(schema("ActivityType").get("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(ActivityType.values()).map(Enum::name).toList());
    }

    @Test
    void keysFollowTheEventsKeyMethods() {
        assertThat(key("LeadCaptured").get("format").asText()).isEqualTo("uuid");
        assertThat(key("VisitorActivityRecorded").has("format")).isFalse();
        assertThat(key("VisitorActivityRecorded").get("description").asText())
                .isEqualTo("The data's `leadId`, or its `visitorId` when `leadId` is absent.");
        assertThat(key("CampaignLaunched").get("description").asText()).contains("campaignId");
        assertThat(key("AgreementUpdated").get("const").asText()).isEqualTo("agreement");
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
        return schema;
    }

    private List<String> required(String name) {
        List<String> required = new ArrayList<>();
        schema(name).path("required").forEach(n -> required.add(n.asText()));
        return required;
    }

    private JsonNode key(String message) {
        return document.at("/components/messages/" + message + "/bindings/kafka/key");
    }
}
