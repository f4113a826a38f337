package io.newsflow.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one acronym rule of the pipeline: enrichment joins an acronym to the name it abbreviates within an article,
 * api-service joins a bare acronym to the entity another article defined it for. Both must agree on what an acronym
 * is, or an entity enrichment kept apart is merged by the api (or the reverse).
 *
 * <p>An acronym is one token of two to eight characters once its dots are dropped ("U.N." is "UN"): it starts with
 * a capital, holds only upper- and lower-case letters, digits and '&amp;', has at least two capitals or digits, and more capitals than
 * lower-case letters. So "GNA", "NATO", "U.N.", "HoR", "AT&amp;T" and "G7" are acronyms; "Mr", "Haftar", "iPhone",
 * "COVID-19" and "3M" are not.
 */
public final class Acronyms {

    private static final Pattern SHAPE = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{Ll}\\p{Nd}&]{1,7}");

    private Acronyms() {
    }

    /** True when {@code surface} is an acronym (see the class comment). */
    public static boolean isAcronym(String surface) {
        return of(surface).isPresent();
    }

    /** The acronym without its dots ("U.N." gives "UN"), or empty when {@code surface} is not an acronym. */
    public static Optional<String> of(String surface) {
        if (surface == null) {
            return Optional.empty();
        }
        String s = surface.replace(".", "").strip();
        if (!SHAPE.matcher(s).matches()) {
            return Optional.empty();
        }
        long upper = s.chars().filter(Character::isUpperCase).count();
        long digits = s.chars().filter(Character::isDigit).count();
        long lower = s.chars().filter(Character::isLowerCase).count();
        return upper + digits >= 2 && upper > lower ? Optional.of(s) : Optional.empty();
    }
}
