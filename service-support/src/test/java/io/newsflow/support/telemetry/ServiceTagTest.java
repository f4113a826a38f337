package io.newsflow.support.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.events.Telemetry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTagTest {

    @Test
    void everyMeterCarriesTheServiceName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(ServiceTag.commonTag("enrich-service"));
        Counter counter = Counter.builder(Telemetry.ARTICLES_IN).register(registry);
        assertThat(counter.getId().getTag(Telemetry.TAG_SERVICE)).isEqualTo("enrich-service");
    }
}
