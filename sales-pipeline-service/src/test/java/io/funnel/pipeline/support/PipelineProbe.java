package io.funnel.pipeline.support;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(PipelineProbe.class)}: before each test, the test class's {@link TopicProbe} field gets a fresh
 * probe reading the pipeline topic from the beginning; it is closed after the test.
 */
public final class PipelineProbe implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        probeField(context).set(context.getRequiredTestInstance(),
                TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.PIPELINE));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        Field field = probeField(context);
        Object test = context.getRequiredTestInstance();
        if (field.get(test) instanceof TopicProbe probe) {
            probe.close();
        }
        field.set(test, null);
    }

    private static Field probeField(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Field field = Arrays.stream(testClass.getDeclaredFields()).filter(f -> f.getType() == TopicProbe.class)
                .findFirst().orElseThrow(() -> new IllegalStateException(testClass + " has no TopicProbe field"));
        field.setAccessible(true);
        return field;
    }
}
