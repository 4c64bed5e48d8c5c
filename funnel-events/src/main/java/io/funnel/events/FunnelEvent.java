package io.funnel.events;

import java.time.Instant;

/**
 * Every event the services exchange. The permitted sub-interfaces group the events by the topic they travel on;
 * {@link EventTypes} derives the CloudEvents type and the topic from this hierarchy, so no code dispatches on strings.
 */
public sealed interface FunnelEvent
        permits ActivityEvent, LeadEvent, MarketingEvent, QualificationEvent, PipelineEvent, AgreementEvent {

    /** Kafka record key and CloudEvents subject: the lead id, or the visitor id for anonymous activity. */
    String key();

    /** When it happened in the world; stage entry times are taken from here, never from consumption time. */
    Instant occurredAt();

    /** The topic this event travels on. */
    String topic();
}
