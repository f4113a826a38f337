package io.newsflow.enrichment.ner;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AP style abbreviations of the US states ("Calif.", "Mass.", "N.Y."), a data table: news writes a state so after a
 * city ("Sacramento, Calif."). Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah have none. Only the dotted
 * forms: "Mass", "Wash" or "Miss" without the dot are words, and the two-letter postal codes ("NY", "PA") are not AP style.
 */
final class StateAbbreviations {

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("ala.", "Alabama"), Map.entry("ariz.", "Arizona"), Map.entry("ark.", "Arkansas"),
            Map.entry("calif.", "California"), Map.entry("colo.", "Colorado"), Map.entry("conn.", "Connecticut"),
            Map.entry("del.", "Delaware"), Map.entry("fla.", "Florida"), Map.entry("ga.", "Georgia"),
            Map.entry("ill.", "Illinois"), Map.entry("ind.", "Indiana"), Map.entry("kan.", "Kansas"),
            Map.entry("ky.", "Kentucky"), Map.entry("la.", "Louisiana"), Map.entry("md.", "Maryland"),
            Map.entry("mass.", "Massachusetts"), Map.entry("mich.", "Michigan"), Map.entry("minn.", "Minnesota"),
            Map.entry("miss.", "Mississippi"), Map.entry("mo.", "Missouri"), Map.entry("mont.", "Montana"),
            Map.entry("neb.", "Nebraska"), Map.entry("nev.", "Nevada"), Map.entry("n.h.", "New Hampshire"),
            Map.entry("n.j.", "New Jersey"), Map.entry("n.m.", "New Mexico"), Map.entry("n.y.", "New York"),
            Map.entry("n.c.", "North Carolina"), Map.entry("n.d.", "North Dakota"), Map.entry("okla.", "Oklahoma"),
            Map.entry("ore.", "Oregon"), Map.entry("pa.", "Pennsylvania"), Map.entry("r.i.", "Rhode Island"),
            Map.entry("s.c.", "South Carolina"), Map.entry("s.d.", "South Dakota"), Map.entry("tenn.", "Tennessee"),
            Map.entry("vt.", "Vermont"), Map.entry("va.", "Virginia"), Map.entry("wash.", "Washington"),
            Map.entry("w.va.", "West Virginia"), Map.entry("wis.", "Wisconsin"), Map.entry("wyo.", "Wyoming"));

    private StateAbbreviations() {
    }

    /** The state a whole name abbreviates ("Calif." -> "California"); else empty. */
    static Optional<String> state(String name) {
        String s = name.strip();
        if (s.isEmpty() || !Character.isUpperCase(s.charAt(0))) {
            return Optional.empty();
        }
        return Optional.ofNullable(STATES.get(s.toLowerCase(Locale.ROOT).replace(" ", "")));
    }
}
