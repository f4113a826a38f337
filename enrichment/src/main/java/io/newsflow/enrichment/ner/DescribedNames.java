package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names whose type the text itself states: organisations, and languages and peoples (MISC: "the Tarnic
 * language", "Tarnic is an endangered language spoken in ..."), retyped in the whole article.
 *
 * <p>Organisations: News introduces an unfamiliar organisation with a common noun that
 * says what it is, either right before the name, after a determiner ("the band Tarn Street", "its rival retailer
 * Bluefin"; not "second team All-Norland") or in an apposition or a definition after it ("Bluefin, a Norland-based retailer, ..."; "Tarn Street
 * is a rock band from ..."), or with what is said only of organisations ("Bluefin was founded in 1920", "... is
 * headquartered in"; not for places, towns are founded too). The CRF, trained on other names, often types such names as persons or places. A name
 * so described is an organisation in the whole article: every mention with that exact text is retyped.
 */
public final class DescribedNames {

    /** Common nouns that say a name is an organisation. */
    private static final String NOUNS = "band|group|company|firm|corporation|manufacturer|maker|retailer|chain|airline|"
            + "bank|label|publisher|newspaper|magazine|broadcaster|station|channel|network|club|team|party|organi[sz]ation|"
            + "agency|charity|association|society|university|college|orchestra|choir|studio|"
            + "developer|brand|foundation|institute|startup|conglomerate|subsidiary|supermarket|website|outlet";
    /** The noun right before the name: "the band X", "retailer X". */
    private static final Pattern BEFORE = Pattern.compile("\\b(?:the|a|an|its|their|his|her|our)\\s+(?:\\p{Ll}[\\p{L}-]*\\s+)?(?:"
            + NOUNS + ")\\s+$");
    /** After the name: ", a Norland-based retailer," or " is an alternative rock band from". */
    private static final Pattern AFTER = Pattern.compile("^(?:\\s*\\([^)]{0,60}\\))?(?:\\s*,|\\s+(?:is|was))\\s+(?:a|an)\\s+"
            + "(?:(?!(?:of|the|for|at|with|in|to|on|by)\\s)[\\p{L}\\p{N}'’-]+\\s+){0,4}?(?:" + NOUNS + ")(?=\\s*(?:[,.;:()]|$|\\s(?:from|based|in|that|which|founded|"
            + "formed|headquartered|with|who|whose|and|owned|of)\\s))");
    /** What is said of organisations, not of persons: "X was founded in 1898", "X is headquartered in". */
    private static final Pattern FOUNDED = Pattern.compile("^\\s+(?:(?:was|were|is|are|had\\s+been|has\\s+been)\\s+)"
            + "(?:founded|established|incorporated|headquartered|acquired|listed|delisted|privatised|privatized|"
            + "nationalised|nationalized|merged|renamed|rebranded|liquidated)\\b");
    /** Languages and peoples (CoNLL MISC): "the Tarnic language", "the Tarnic people". */
    private static final Pattern LANGUAGE_NOUN_AFTER = Pattern.compile("^\\s+(?:languages?|dialects?|peoples?|tribes?)\\b");
    /** "Tarnic is an endangered language spoken ...". */
    private static final Pattern LANGUAGE_AFTER = Pattern.compile("^(?:\\s*\\([^)]{0,60}\\))?(?:\\s*,|\\s+(?:is|was))\\s+(?:a|an)\\s+"
            + "(?:(?!(?:of|the|for|at|with|in|to|on|by)\\s)[\\p{L}\\p{N}'’-]+\\s+){0,4}?(?:language|dialect|tribe|people)"
            + "(?=\\s*(?:[,.;:()]|$|\\s(?:spoken|of|from|in|that|which|who|whose|and|with|native)\\s))");
    private static final int LOOK_AHEAD = 120;

    private DescribedNames() {
    }

    public static List<RawMention> apply(String text, List<RawMention> mentions) {
        Map<String, EntityType> described = new HashMap<>();
        for (RawMention m : mentions) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + LOOK_AHEAD));
            if (m.type() != EntityType.ORGANIZATION) {
                boolean founded = m.type() != EntityType.LOCATION && FOUNDED.matcher(after).find(); // towns are founded too
                if (founded || BEFORE.matcher(before).find() || AFTER.matcher(after).find()) {
                    described.putIfAbsent(PersonNames.tidy(m.text()), EntityType.ORGANIZATION);
                    continue;
                }
            }
            if (m.type() != EntityType.MISC && (LANGUAGE_NOUN_AFTER.matcher(after).find() || LANGUAGE_AFTER.matcher(after).find())) {
                described.putIfAbsent(PersonNames.tidy(m.text()), EntityType.MISC);
            }
        }
        if (described.isEmpty()) {
            return mentions;
        }
        List<RawMention> out = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            EntityType type = described.get(PersonNames.tidy(m.text()));
            out.add(type != null && type != m.type() ? new RawMention(type, m.text(), m.start(), m.end()) : m);
        }
        return out;
    }
}
