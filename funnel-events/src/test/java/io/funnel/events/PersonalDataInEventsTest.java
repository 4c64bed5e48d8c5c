package io.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Kafka records keep only what consumers need: the person's contact details travel in the lead's profile, only on
 * the events that capture publishes about the lead itself, for the services and CRM integrations that contact them.
 * Scores, qualification, pipeline, activity and marketing events carry ids, never names, e-mails or phones.
 */
class PersonalDataInEventsTest {

    private static final Set<String> PERSONAL = Set.of("email", "firstName", "lastName", "phone", "fullName",
            "ipAddress", "userAgent");

    @Test
    void onlyTheLeadsOwnEventsCarryPersonalData() {
        Set<String> carriers = new TreeSet<>();
        for (Map.Entry<String, Class<? extends FunnelEvent>> event : EventTypes.all().entrySet()) {
            personalPaths(event.getValue(), event.getKey(), carriers, 0);
        }
        assertThat(carriers).containsExactlyInAnyOrder(
                "io.funnel.LeadCaptured.v1.profile.email", "io.funnel.LeadCaptured.v1.profile.firstName",
                "io.funnel.LeadCaptured.v1.profile.lastName", "io.funnel.LeadCaptured.v1.profile.phone",
                "io.funnel.LeadUpdated.v1.profile.email", "io.funnel.LeadUpdated.v1.profile.firstName",
                "io.funnel.LeadUpdated.v1.profile.lastName", "io.funnel.LeadUpdated.v1.profile.phone");
    }

    private static void personalPaths(Class<?> type, String path, Set<String> found, int depth) {
        if (!type.isRecord() || depth > 5) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String here = path + "." + component.getName();
            if (PERSONAL.contains(component.getName())) {
                found.add(here);
            }
            personalPaths(component.getType(), here, found, depth + 1);
            for (Class<?> element : typeArguments(component.getGenericType())) {
                personalPaths(element, here + "[]", found, depth + 1);
            }
        }
    }

    private static Set<Class<?>> typeArguments(Type type) {
        Set<Class<?>> classes = new HashSet<>();
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> c) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }
}
