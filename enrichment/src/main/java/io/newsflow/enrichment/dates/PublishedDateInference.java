package io.newsflow.enrichment.dates;

import io.newsflow.events.DateMention;
import io.newsflow.events.PublishedDates;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Infers a publication date from the text when none was given: the latest full date written with its year
 * ("May 29, 2019") that is not after the day the article was received. News reports on recent days, so the
 * latest explicit date is the best cheap guess; relative expressions are not used (they need the anchor).
 */
public final class PublishedDateInference {

    private PublishedDateInference() {
    }

    /** @return the inferred date, or null when the text has no usable explicit date */
    public static LocalDate infer(List<DateMention> dates, LocalDate notAfter) {
        LocalDate best = null;
        for (DateMention d : dates) {
            if (!"DATE".equals(d.type()) && !"TIME".equals(d.type())) {
                continue;
            }
            LocalDate date = NewsDateRules.explicitFullDate(d.text(), d.value());
            if (date != null && storable(date) && (notAfter == null || !date.isAfter(notAfter)) && (best == null || date.isAfter(best))) {
                best = date;
            }
        }
        return best;
    }

    /** Inside the range every part of the pipeline can store ({@link PublishedDates}): "May 1, 0001" is no publication date. */
    private static boolean storable(LocalDate date) {
        return PublishedDates.isStorable(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
