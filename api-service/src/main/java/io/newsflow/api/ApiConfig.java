package io.newsflow.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the query API ({@code newsflow.api.*}). */
@ConfigMapping(prefix = "newsflow.api")
public interface ApiConfig {

    @WithDefault("20")
    int defaultLimit();

    @WithDefault("200")
    int maxLimit();
}
