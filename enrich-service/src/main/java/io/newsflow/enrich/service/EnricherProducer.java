package io.newsflow.enrich.service;

import io.newsflow.enrichment.Enricher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One enricher per process: its models load once, at start-up, before the service reports ready. */
@ApplicationScoped
public class EnricherProducer {

    @Produces
    @Singleton
    @Startup
    Enricher enricher() {
        return new Enricher();
    }
}
