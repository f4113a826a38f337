package io.newsflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapping of the events for code outside Quarkus (CLI, tests, tools). Inside Quarkus the
 * injected ObjectMapper has the same settings (ISO dates, unknown fields ignored).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads a record value as an event, refusing what no consumer could ever process: no value, not JSON of that
     * type, a schemaVersion outside 1..{@code supportedVersion}, no id.
     *
     * @throws PoisonRecordException with the reason, for the dead-letter headers
     */
    public static <T extends VersionedEvent> T readRecord(ObjectMapper mapper, String value, Class<T> type, int supportedVersion) {
        if (value == null) {
            throw new PoisonRecordException("The record has no value", null);
        }
        T event;
        try {
            event = mapper.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("Cannot read the record as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new PoisonRecordException("Cannot read the record as " + type.getSimpleName() + ": null", null);
        }
        if (event.schemaVersion() < 1 || event.schemaVersion() > supportedVersion) {
            throw new PoisonRecordException("Unsupported schemaVersion " + event.schemaVersion()
                    + " (this service reads up to " + supportedVersion + ")", null);
        }
        if (event.id() == null || event.id().isBlank()) {
            throw new PoisonRecordException("The record has no article id", null);
        }
        return event;
    }
}
