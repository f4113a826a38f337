package io.newsflow.enrich.service;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrichment.Enricher;
import io.newsflow.enrichment.ner.HugeMethodCompilation;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * One enricher per process: its models (and the Wikipedia index, built the first time) load once, at start-up, before the
 * service reports ready.
 */
@ApplicationScoped
public class EnricherProducer {

    private static final Logger LOG = Logger.getLogger(EnricherProducer.class);

    @Produces
    @Singleton
    @Startup
    Enricher enricher(EnrichConfig config) {
        HugeMethodCompilation.warning().ifPresent(LOG::warn);
        return new Enricher(Clock.systemUTC(), config.limits(), config.languages(), config.modelsDir().orElse(null),
                config.linking().settings());
    }
}
