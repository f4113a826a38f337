package io.newsflow.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.articles.SubmissionParser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared article reader ({@link SubmissionParser}, plain Java) as a bean, with Quarkus' JSON mapper. */
public class SubmissionParsing {

    @Produces
    @Singleton
    SubmissionParser submissionParser(ObjectMapper mapper) {
        return new SubmissionParser(mapper);
    }
}
