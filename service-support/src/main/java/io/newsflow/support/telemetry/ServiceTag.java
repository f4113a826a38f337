package io.newsflow.support.telemetry;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.newsflow.events.Telemetry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Every meter of a service carries {@code service=<quarkus.application.name>} (e.g. {@code service="api-service"}),
 * so dashboards can tell services apart.
 */
@Singleton
public class ServiceTag {

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return commonTag(service);
    }

    static MeterFilter commonTag(String service) {
        return MeterFilter.commonTags(List.of(Tag.of(Telemetry.TAG_SERVICE, service)));
    }
}
