package io.newsflow.enrichment.dates;

import io.newsflow.events.DateMention;

import java.time.LocalDate;
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
            if (date != null && (notAfter == null || !date.isAfter(notAfter)) && (best == null || date.isAfter(best))) {
                best = date;
            }
        }
        return best;
    }
}
